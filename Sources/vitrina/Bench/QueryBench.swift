import Foundation
import VitrinaIndex
import VitrinaSearch

/// `vitrina bench --index DIR --queries FILE`: every query run warm, in-process, as a plain
/// keyword search (all words) and as a voice query (parse + search + answer).
struct QueryBench {
    /// Latency figures of one way of running the queries.
    struct Latency: Encodable {
        var mode: String
        var queries: Int
        var runs: Int
        var p50Microseconds: Double
        var p90Microseconds: Double
        var p99Microseconds: Double
        var maxMicroseconds: Double
        var queriesPerSecondOneThread: Double
        var queriesPerSecondAllCores: Double
        /// The slowest queries, by their median run: where a p99 comes from.
        var slowest: [Slow]
    }

    /// One slow query.
    struct Slow: Encodable {
        var query: String
        var medianMicroseconds: Double
    }

    /// The report (`--json` shape in README).
    struct Report: Encodable {
        var version = 1
        var index: String
        var documents: Int
        var latencies: [Latency]
        var peakResidentMiB: Double
    }

    /// Reads queries: JSONL lines with a `query` key (the `Queries/` format), or plain lines.
    static func loadQueries(_ path: String) throws -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure.io(path, "cannot read the queries", error)
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            if trimmed.hasPrefix("{"),
                let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any]
            {
                return object["query"] as? String
            }
            return trimmed
        }
    }

    static func run(index: String, queries: [String], repeat count: Int, modes wanted: Set<String>) throws -> Report {
        let reader = try IndexReader(path: index)
        let voice = try VoiceSearch(reader: reader)
        let modes: [(String, @Sendable (String) throws -> Void)] = [
            (
                "keyword",
                { text in
                    // A result list: hits with the fields a list shows (as `vitrina search` prints).
                    var request = SearchRequest(text: text, mode: .any)
                    request.wholeProducts = false
                    _ = try reader.search(request)
                }
            ),
            ("voice", { _ = try voice.ask($0) }),
        ]
        var latencies: [Latency] = []
        for (mode, body) in modes where wanted.contains(mode) {
            for query in queries { try body(query) }  // warm-up
            var samples: [Double] = []
            samples.reserveCapacity(queries.count * count)
            var perQuery = [[Double]](repeating: [], count: queries.count)
            let start = ContinuousClock.now
            for _ in 0..<max(1, count) {
                for (number, query) in queries.enumerated() {
                    let begin = ContinuousClock.now
                    try body(query)
                    let elapsed = microseconds(begin.duration(to: .now))
                    samples.append(elapsed)
                    perQuery[number].append(elapsed)
                }
            }
            let oneThread = Double(samples.count) / (microseconds(start.duration(to: .now)) / 1e6)
            // All cores: the same work split over every core.
            let cores = ProcessInfo.processInfo.activeProcessorCount
            let allStart = ContinuousClock.now
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: cores) { worker in
                for round in 0..<max(1, count) {
                    for (number, query) in queries.enumerated() where (number + round) % cores == worker {
                        do { try body(query) } catch { failures.record() }
                    }
                }
            }
            let allCores = Double(samples.count) / (microseconds(allStart.duration(to: .now)) / 1e6)
            if failures.count > 0 { throw BenchError("\(failures.count) queries failed on worker threads") }
            samples.sort()
            func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
            latencies.append(
                Latency(
                    mode: mode, queries: queries.count, runs: samples.count, p50Microseconds: percentile(0.5),
                    p90Microseconds: percentile(0.9), p99Microseconds: percentile(0.99),
                    maxMicroseconds: samples.last ?? 0,
                    queriesPerSecondOneThread: oneThread, queriesPerSecondAllCores: allCores,
                    slowest: Self.slowest(queries, perQuery)))
        }
        return Report(
            index: index, documents: reader.documentCount, latencies: latencies, peakResidentMiB: peakResidentMiB())
    }

    private static func microseconds(_ duration: Duration) -> Double { duration.inSeconds * 1e6 }

    /// The five queries with the longest median run.
    private static func slowest(_ queries: [String], _ runs: [[Double]]) -> [Slow] {
        let medians = runs.map { $0.sorted()[$0.count / 2] }
        return medians.indices.sorted { medians[$0] > medians[$1] }.prefix(5).map {
            Slow(query: queries[$0], medianMicroseconds: medians[$0])
        }
    }

    /// A failure counter shared by worker threads.
    private final class Failures: @unchecked Sendable {
        // @unchecked Sendable: the counter is only touched under the lock.
        private let lock = NSLock()
        private var value = 0
        func record() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }
}
