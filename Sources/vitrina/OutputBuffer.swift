#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writes to standard output: `print` flushes too often for line-per-word tools.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    /// Creates an empty buffer.
    init() { bytes.reserveCapacity(1 << 16) }

    /// Appends `text`, writing the buffer out when it grows past 64 KiB.
    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }

    /// Writes everything buffered to standard output.
    mutating func flush() {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
