import Foundation

/// A one-line progress display on standard error, only when it is a terminal.
final class Progress {
    private let enabled: Bool
    private var lastUpdate = ContinuousClock.now

    init(enabled: Bool) {
        self.enabled = enabled && isatty(2) == 1
    }

    /// Redraws the line at most ten times a second.
    func update(records: Int, bytes: Int, start: ContinuousClock.Instant) {
        guard enabled, lastUpdate.duration(to: .now) > .milliseconds(100) else { return }
        lastUpdate = .now
        let elapsed = start.duration(to: .now)
        let seconds = max(1e-9, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        let line = String(
            format: "\r%d records  %.1f MB  %.1f MB/s", records, Double(bytes) / 1e6, Double(bytes) / 1e6 / seconds)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
