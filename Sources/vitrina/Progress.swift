import Foundation

/// A one-line progress display on standard error, only when it is a terminal.
final class Progress {
    private let enabled: Bool
    private var lastUpdate = ContinuousClock.now

    init(enabled: Bool) {
        self.enabled = enabled && isatty(2) == 1
    }

    /// Redraws the line at most ten times a second: records, megabytes, speed and, when the
    /// current file's size is known, the time left for it.
    func update(records: Int, bytes: Int, fileBytes: Int, fileTotal: Int?, start: ContinuousClock.Instant) {
        guard enabled, lastUpdate.duration(to: .now) > .milliseconds(100) else { return }
        lastUpdate = .now
        let elapsed = start.duration(to: .now)
        let seconds = max(1e-9, elapsed.inSeconds)
        let rate = Double(bytes) / seconds
        var line = String(
            format: "\r%d records  %.1f MB  %.1f MB/s  %.0f records/s", records, Double(bytes) / 1e6, rate / 1e6,
            Double(records) / seconds)
        if let fileTotal, fileTotal > 0, rate > 0 {
            line += String(format: "  ETA %.0f s", Double(max(0, fileTotal - fileBytes)) / rate)
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
