/// Reads what ``ByteWriter`` wrote from a byte buffer, with bounds checks.
///
/// Every read throws ``IndexError`` (`corrupt`) instead of reading past the end, so a damaged
/// file is an error, never a crash.
struct ByteReader {
    /// The bytes (usually a memory-mapped file region).
    let buffer: UnsafeRawBufferPointer
    /// The next byte to read.
    var offset: Int
    /// The file, for error messages.
    let file: String

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0, file: String) {
        self.buffer = buffer
        self.offset = offset
        self.file = file
    }

    /// Whether all bytes were read.
    var isAtEnd: Bool { offset >= buffer.count }

    private func need(_ count: Int) throws {
        guard count >= 0, offset + count <= buffer.count else {
            throw IndexError.corrupt(file: file, offset: offset, "unexpected end of data")
        }
    }

    /// Reads one byte.
    mutating func readByte() throws -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return buffer[offset]
    }

    /// Reads a little-endian 32-bit integer.
    mutating func readU32() throws -> UInt32 {
        try need(4)
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(buffer[offset + index]) << (8 * index) }
        offset += 4
        return value
    }

    /// Reads a little-endian 64-bit integer.
    mutating func readU64() throws -> UInt64 {
        try need(8)
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(buffer[offset + index]) << (8 * index) }
        offset += 8
        return value
    }

    /// Reads a 64-bit float.
    mutating func readF64() throws -> Double { Double(bitPattern: try readU64()) }

    /// Reads an unsigned LEB128 varint (at most 10 bytes).
    mutating func readVarint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
            if shift > 63 { throw IndexError.corrupt(file: file, offset: offset, "varint too long") }
        }
    }

    /// Reads a varint that must fit in a non-negative `Int` no larger than `limit`.
    mutating func readInt(limit: Int = Int(Int32.max)) throws -> Int {
        let value = try readVarint()
        guard value <= UInt64(limit) else {
            throw IndexError.corrupt(file: file, offset: offset, "value \(value) out of range")
        }
        return Int(value)
    }

    /// Reads `count` raw bytes.
    mutating func readBytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        try need(count)
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count])
    }

    /// Reads a length-prefixed UTF-8 string.
    mutating func readString() throws -> String {
        let length = try readInt()
        return String(decoding: try readBytes(length), as: UTF8.self)
    }
}
