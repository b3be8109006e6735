import Foundation
import VitrinaMentions

#if canImport(Glibc)
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
        var mentions: Int
        var seconds: Double
        var peakResidentMiB: Double
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
