/// Reads what ``ByteWriter`` wrote from a byte buffer, every access bounds-checked.
///
/// The verbs follow SwiftNIO's `ByteBuffer`: `read*` reads at ``offset`` and advances, `get*(at:)`
/// reads at a given position and does not move, ``seek(to:)`` moves. Every access that would leave
/// the buffer, every value that does not fit the type it is read into, and every count larger than
/// what the remaining bytes could hold throws ``IndexError`` `corrupt` naming the file and the
/// absolute byte offset in it. A damaged or crafted file (even one whose checksum was recomputed)
/// is therefore an error, never an arithmetic trap, an out-of-bounds read or an allocation of
/// whatever size the file claims.
///
/// Readers built on top should take every size, offset and count from a file through
/// ``readOffset(limit:)``, ``readCount(elementSize:limit:)``, ``readInt(limit:)`` or
/// ``range(start:length:)``, and do any further arithmetic with ``CheckedMath``.
///
/// Invariant: `0 <= offset <= buffer.count`.
struct ByteReader {
    /// The bytes (usually a memory-mapped file region).
    let buffer: UnsafeRawBufferPointer
    /// The next byte to read, relative to the start of ``buffer``.
    private(set) var offset: Int
    /// Where ``buffer`` starts in the file, so errors name file offsets.
    let base: Int
    /// The file, for error messages.
    let file: String

    /// A reader at the start of `buffer`, which starts at byte `base` of `file`.
    init(_ buffer: UnsafeRawBufferPointer, base: Int = 0, file: String) {
        self.buffer = buffer
        self.offset = 0
        self.base = base
        self.file = file
    }

    /// Whether all bytes were read.
    var isAtEnd: Bool { offset >= buffer.count }

    /// Bytes left after ``offset``.
    var remaining: Int { buffer.count - offset }

    /// The absolute file offset of the next byte.
    var fileOffset: Int { base + offset }

    /// A `corrupt` error at `position` (relative to the buffer; default: the current offset).
    func corrupt(_ message: String, at position: Int? = nil) -> IndexError {
        IndexError.corrupt(file: file, offset: base + (position ?? offset), message)
    }

    private func need(_ count: Int) throws {
        // The invariant makes `buffer.count - offset` safe; `count` may be anything.
        guard count >= 0, count <= buffer.count - offset else {
            throw corrupt(count < 0 ? "negative length \(count)" : "unexpected end of data (\(count) bytes needed)")
        }
    }

    private func need(_ count: Int, at position: Int) throws {
        guard position >= 0, position <= buffer.count, count >= 0, count <= buffer.count - position else {
            throw corrupt("\(count) bytes at \(position) lie outside a \(buffer.count)-byte region", at: 0)
        }
    }

    // MARK: - Moving

    /// Moves to `position` (relative to the buffer; `buffer.count` is the end).
    mutating func seek(to position: Int) throws {
        guard position >= 0, position <= buffer.count else {
            throw corrupt("offset \(position) outside a \(buffer.count)-byte region")
        }
        offset = position
    }

    /// Skips `count` bytes.
    mutating func skip(_ count: Int) throws {
        try need(count)
        offset += count
    }

    // MARK: - Reading and advancing

    /// Reads one byte.
    mutating func readByte() throws -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return buffer[offset]
    }

    /// Reads a little-endian 32-bit integer.
    mutating func readU32() throws -> UInt32 {
        defer { offset += 4 }
        return try getU32(at: offset)
    }

    /// Reads a little-endian 64-bit integer.
    mutating func readU64() throws -> UInt64 {
        defer { offset += 8 }
        return try getU64(at: offset)
    }

    /// Reads a 64-bit float.
    mutating func readF64() throws -> Double { Double(bitPattern: try readU64()) }

    /// Reads an unsigned LEB128 varint (at most 10 bytes, at most 2⁶⁴ − 1).
    mutating func readVarint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            if shift == 63 && byte > 1 { throw corrupt("varint larger than 64 bits", at: offset - 1) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
            if shift > 63 { throw corrupt("varint too long", at: offset - 1) }
        }
    }

    /// Reads a varint that must fit in a non-negative `Int` no larger than `limit`.
    mutating func readInt(limit: Int = Int(Int32.max)) throws -> Int {
        let start = offset
        let value = try readVarint()
        guard value <= UInt64(max(0, limit)) else {
            throw corrupt("value \(value) out of range 0...\(limit)", at: start)
        }
        return Int(value)
    }

    /// Reads a varint count of items that each take at least `elementSize` bytes of what follows
    /// in this buffer, so it can size an allocation: never more than `remaining / elementSize`
    /// (nor `limit`).
    mutating func readCount(elementSize: Int = 1, limit: Int = Int(Int32.max)) throws -> Int {
        let start = offset
        let count = try readInt(limit: limit)
        guard count <= remaining / max(1, elementSize) else {
            throw corrupt(
                "count \(count) cannot fit in the \(remaining) bytes left (\(max(1, elementSize)) bytes each)",
                at: start)
        }
        return count
    }

    /// Reads a little-endian u64 offset or length that must be at most `limit`.
    ///
    /// `limit` is usually the size of the region the value points into; the check makes the
    /// conversion to `Int` safe.
    mutating func readOffset(limit: Int) throws -> Int {
        let start = offset
        let value = try readU64()
        guard value <= UInt64(max(0, limit)) else {
            throw corrupt("offset \(value) out of range 0...\(limit)", at: start)
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

    // MARK: - Reading in place

    /// The byte at `position`.
    func getByte(at position: Int) throws -> UInt8 {
        try need(1, at: position)
        return buffer[position]
    }

    /// The little-endian 32-bit integer at `position`.
    func getU32(at position: Int) throws -> UInt32 {
        try need(4, at: position)
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    /// The little-endian 64-bit integer at `position`.
    func getU64(at position: Int) throws -> UInt64 {
        try need(8, at: position)
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// The `count` bytes at `position`.
    func getBytes(at position: Int, count: Int) throws -> UnsafeRawBufferPointer {
        try need(count, at: position)
        return UnsafeRawBufferPointer(rebasing: buffer[position..<position + count])
    }

    // MARK: - Ranges

    /// The range `start ..< start + length` checked to lie inside the buffer (no overflow).
    func range(start: Int, length: Int) throws -> Range<Int> {
        try need(length, at: start)
        return start..<(start + length)
    }

    /// A reader over `range` of this buffer (whose errors still name file offsets).
    func subReader(_ range: Range<Int>) throws -> ByteReader {
        try need(range.count, at: range.lowerBound)
        return ByteReader(UnsafeRawBufferPointer(rebasing: buffer[range]), base: base + range.lowerBound, file: file)
    }
}

/// Integer arithmetic on values read from files: overflow is a `corrupt` error, not a trap.
enum CheckedMath {
    /// `a + b`.
    static func add(_ a: Int, _ b: Int, _ reader: ByteReader) throws -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw reader.corrupt("\(a) + \(b) overflows") }
        return sum
    }

    /// `a * b`.
    static func multiply(_ a: Int, _ b: Int, _ reader: ByteReader) throws -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw reader.corrupt("\(a) × \(b) overflows") }
        return product
    }
}
