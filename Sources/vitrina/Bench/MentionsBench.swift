import Foundation
import VitrinaMentions

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// `vitrina bench` figures for reputation monitoring: tonality throughput on one core.
enum MentionsBench {
    /// The measured figures.
    struct Figures: Encodable {
        /// Mentions classified per run.
        var mentions: Int
        /// Distinct texts they were drawn from.
        var distinctTexts: Int
        /// Mean UTF-8 bytes per mention.
        var meanBytes: Double
        /// Best wall time of one run (one thread), in seconds.
        var seconds: Double
        /// Mentions per second on one thread, by wall time.
        var mentionsPerSecond: Double
        /// CPU time of the thread in the best run, in seconds (on a busy machine wall time also
        /// counts time the thread waited for a core).
        var cpuSeconds: Double
        /// Mentions per second of the thread's CPU time: the one-core rate.
        var mentionsPerCPUSecond: Double
        /// Mentions labelled positive, negative, neutral (a checksum of the run).
        var labels: [String: Int]
        /// The report over `reportMentions` mentions, when measured.
        var report: ReportFigures?
    }

    /// Timing of `vitrina mentions report`'s analysis over in-memory mentions.
    struct ReportFigures: Encodable {
        /// Mentions in the report.
        var mentions: Int
        /// Wall time of the report (topics, trends, alerts, authors, incidents, HTML), in seconds.
        var seconds: Double
        /// CPU time of the thread for it.
        var cpuSeconds: Double
        /// Wall time of reading the same mentions back from a store, per million (measured on
        /// `storeMentions` mentions).
        var storeReadSecondsPerMillion: Double?
        /// Mentions written to the store for that measurement.
        var storeMentions: Int?
        /// Alerts the planted spike raised (a checksum of the run).
        var alerts: Int
        var peakResidentMiB: Double
    }

    /// Builds `count` mentions over 90 days (texts of the written corpus, 50,000 authors, 2,000
    /// products, tonality computed as import does, a planted spike in the last days), then times
    /// the report; reading from a store is timed on `storeCount` of them.
    static func report(count: Int, storeCount: Int) throws -> ReportFigures {
        let texts = try texts()
        let analyzer = TonalityAnalyzer()
        var generator = 0x2545_F491_4F6C_DD1D as UInt64
        func next(_ bound: Int) -> Int {
            generator ^= generator << 13
            generator ^= generator >> 7
            generator ^= generator << 17
            return Int(generator % UInt64(bound))
        }
        let start = 1_790_000_000.0
        var mentions: [Mention] = []
        mentions.reserveCapacity(count)
        let sources = ["vk", "telegram", "marketplace", "youtube", "forum", "maps", "site"]
        for index in 0..<count {
            let spike = index % 50 == 0
            let text = spike ? "Чайник течёт из-под крышки, верните деньги" : texts[next(texts.count)]
            let day = spike ? 87 + next(3) : next(90)
            var mention = Mention(
                id: "b\(index)", text: text, source: sources[next(sources.count)], author: "author\(next(50_000))",
                followers: next(100) == 0 ? 20_000 + next(100_000) : next(500),
                date: start + Double(day * 86_400 + next(86_400)),
                likes: next(30), reposts: next(3), comments: next(10),
                product: Mention.ProductReference(id: spike ? "kettle" : "p\(next(2_000))"))
            mention.language = analyzer.detect(text)
            mention.tonality = analyzer.tonality(of: text, language: mention.language)
            mentions.append(mention)
        }
        let cpuStart = threadCPUSeconds()
        let clock = ContinuousClock.now
        let report = MentionAnalytics().report(mentions, analyzer: analyzer)
        _ = ReportHTML.render(report)
        let seconds = (ContinuousClock.now - clock).inSeconds
        let cpu = threadCPUSeconds() - cpuStart
        var storeSeconds: Double?
        if storeCount > 0 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "vitrina-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try MentionStore(path: folder.path)
            for mention in mentions.prefix(storeCount) { try store.add(mention) }
            _ = try store.commit()
            let readStart = ContinuousClock.now
            let read = try MentionStore.read(path: folder.path)
            storeSeconds = (ContinuousClock.now - readStart).inSeconds * 1_000_000 / Double(max(1, read.count))
        }
        return ReportFigures(
            mentions: count, seconds: seconds, cpuSeconds: cpu, storeReadSecondsPerMillion: storeSeconds,
            storeMentions: storeCount > 0 ? min(storeCount, count) : nil, alerts: report.alerts.count,
            peakResidentMiB: peakResidentMiB())
    }

    /// Texts of the written tonality corpus (Catalogs/tonality/train.jsonl), else of Catalogs/mentions.
    static func texts() throws -> [String] {
        var texts: [String] = []
        for path in ["Catalogs/tonality/train.jsonl", "Catalogs/mentions/other-sources.jsonl"] {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let text = object["text"] as? String
                {
                    texts.append(text)
                }
            }
            if !texts.isEmpty { break }
        }
        guard !texts.isEmpty else {
            throw CommandFailure.data(
                "Catalogs/tonality/train.jsonl", "no texts to benchmark tonality with (run from the repository)")
        }
        return texts
    }

    /// Classifies `count` mentions drawn in turn from the corpus texts, `rounds` times; the best run counts.
    static func run(count: Int, rounds: Int) throws -> Figures {
        let texts = try texts()
        let mentions = (0..<count).map { texts[$0 % texts.count] }
        let analyzer = TonalityAnalyzer()
        var best = Double.infinity
        var bestCPU = Double.infinity
        var labels: [String: Int] = [:]
        for round in 0...max(1, rounds) {
            var counts = [0, 0, 0]
            let cpuStart = threadCPUSeconds()
            let start = ContinuousClock.now
            for text in mentions {
                switch analyzer.tonality(of: text).label {
                case .positive: counts[0] += 1
                case .negative: counts[1] += 1
                case .neutral: counts[2] += 1
                }
            }
            let seconds = (ContinuousClock.now - start).inSeconds
            let cpu = threadCPUSeconds() - cpuStart
            // Round 0 warms the word caches.
            if round > 0 {
                best = min(best, seconds)
                bestCPU = min(bestCPU, cpu)
            }
            labels = ["positive": counts[0], "negative": counts[1], "neutral": counts[2]]
        }
        let bytes = mentions.reduce(0) { $0 + $1.utf8.count }
        return Figures(
            mentions: count, distinctTexts: Set(texts).count, meanBytes: Double(bytes) / Double(max(1, count)),
            seconds: best, mentionsPerSecond: Double(count) / best, cpuSeconds: bestCPU,
            mentionsPerCPUSecond: Double(count) / bestCPU, labels: labels)
    }

    /// CPU time of the calling thread, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
