/// Appends little-endian integers, varints and bytes to a growing buffer.
struct ByteWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// The number of bytes written.
    var count: Int { bytes.count }

    /// Appends raw bytes.
    mutating func write(_ data: some Sequence<UInt8>) { bytes.append(contentsOf: data) }

    /// Appends one byte.
    mutating func write(_ byte: UInt8) { bytes.append(byte) }

    /// Appends a little-endian 32-bit integer.
    mutating func write(u32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// Appends a little-endian 64-bit integer.
    mutating func write(u64 value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// Appends a 64-bit float as its IEEE bit pattern.
    mutating func write(f64 value: Double) { write(u64: value.bitPattern) }

    /// Appends an unsigned LEB128 varint.
    mutating func write(varint value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Appends a varint of a non-negative `Int`.
    mutating func write(varint value: Int) { write(varint: UInt64(value)) }

    /// Appends a length-prefixed UTF-8 string.
    mutating func write(string: String) {
        write(varint: string.utf8.count)
        bytes.append(contentsOf: string.utf8)
    }
}

extension ByteWriter {
    /// Overwrites bytes already written, from `offset` (a table filled in after what it describes).
    mutating func replace(at offset: Int, with data: [UInt8]) {
        bytes.replaceSubrange(offset..<(offset + data.count), with: data)
    }
}
