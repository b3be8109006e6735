import Foundation

/// A sorted table of byte-string keys with a fixed number of varint values each: the term
/// dictionary and (format 2) the id table.
///
/// Body: blocks of ``SegmentFormat/termBlockSize`` entries; each entry is the length of the prefix
/// shared with the previous key of its block, the suffix length, the suffix, then the values;
/// values of ascending columns (offsets) are stored as the difference from the previous entry
/// of the block.
/// Index (a separate section): entry count, block count, then per block its first key
/// (length-prefixed) and the block's offset in the body. The index is read at open; lookups
/// binary-search it and scan one block.
struct SortedTable {
    /// The first key of each block.
    private let firsts: [[UInt8]]
    /// The body offset of each block.
    private let offsets: [Int]
    /// The number of entries.
    let count: Int
    private let body: UnsafeRawBufferPointer
    private let valuesPerEntry: Int
    /// Per value column: whether it is stored as a difference within its block.
    private let deltas: [Bool]
    private let file: String
    /// Where the body starts in the file (for error offsets).
    private let bodyOffset: Int

    /// Reads the index of a table whose body is `body`.
    ///
    /// - Throws: ``IndexError`` `corrupt` for a damaged index.
    init(
        index: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer, bodyOffset: Int, valuesPerEntry: Int,
        deltas: [Bool] = [], file: String
    ) throws {
        self.deltas = (0..<valuesPerEntry).map { $0 < deltas.count && deltas[$0] }
        var reader = ByteReader(index, file: file)
        count = try reader.readInt(limit: body.count)
        let blocks = try reader.readCount(elementSize: 2)
        guard blocks <= index.count, blocks == (count + SegmentFormat.termBlockSize - 1) / SegmentFormat.termBlockSize
        else {
            throw IndexError.corrupt(file: file, offset: nil, "table index: \(blocks) blocks for \(count) entries")
        }
        var firsts: [[UInt8]] = []
        var offsets: [Int] = []
        firsts.reserveCapacity(blocks)
        offsets.reserveCapacity(blocks)
        for _ in 0..<blocks {
            let length = try reader.readInt()
            firsts.append(Array(try reader.readBytes(length)))
            let offset = try reader.readInt(limit: body.count)
            guard offsets.last.map({ $0 <= offset }) ?? true else {
                throw IndexError.corrupt(file: file, offset: nil, "table index offsets out of order")
            }
            offsets.append(offset)
        }
        self.firsts = firsts
        self.offsets = offsets
        self.body = body
        self.valuesPerEntry = valuesPerEntry
        self.file = file
        self.bodyOffset = bodyOffset
    }

    /// Calls `visit` with each key from the first one not less than `start`, in order, and its
    /// values; stops when `visit` returns false.
    func scan(from start: [UInt8], _ visit: ([UInt8], [Int]) throws -> Bool) throws {
        guard !firsts.isEmpty else { return }
        // The last block whose first key is <= start.
        var low = 0
        var high = firsts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Self.less(start, firsts[middle]) { high = middle - 1 } else { low = middle }
        }
        var reader = ByteReader(body, base: bodyOffset, file: file)
        try reader.seek(to: offsets[low])
        var key: [UInt8] = []
        key.reserveCapacity(64)
        var values = [Int](repeating: 0, count: valuesPerEntry)
        var ordinal = low * SegmentFormat.termBlockSize
        var passedStart = false
        while ordinal < count {
            if ordinal % SegmentFormat.termBlockSize == 0 {
                key.removeAll(keepingCapacity: true)
                for index in 0..<valuesPerEntry { values[index] = 0 }
            }
            let shared = try reader.readInt()
            let suffix = try reader.readInt()
            guard shared <= key.count else {
                throw reader.corrupt("bad key prefix")
            }
            key.removeSubrange(shared...)
            key.append(contentsOf: try reader.readBytes(suffix))
            for index in 0..<valuesPerEntry {
                let value = try reader.readInt(limit: Int.max)
                if deltas[index] {
                    let (sum, overflow) = values[index].addingReportingOverflow(value)
                    guard !overflow else {
                        throw reader.corrupt("offset overflows")
                    }
                    values[index] = sum
                } else {
                    values[index] = value
                }
            }
            ordinal += 1
            if !passedStart {
                if Self.less(key, start) { continue }
                passedStart = true
            }
            if try !visit(key, values) { return }
        }
    }

    /// The values of `key`, if present.
    func find(_ key: [UInt8]) throws -> [Int]? {
        var found: [Int]?
        try scan(from: key) { candidate, values in
            if candidate == key { found = values }
            return false
        }
        return found
    }

    /// Byte order of keys (memcmp, then length).
    @inline(__always)
    static func less(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                let common = min(left.count, right.count)
                if common > 0, let a = left.baseAddress, let b = right.baseAddress {
                    let order = memcmp(a, b, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }
}

/// Writes a ``SortedTable``: keys must be added in byte order.
struct SortedTableWriter {
    private(set) var body = ByteWriter()
    private var index: [([UInt8], Int)] = []
    private var previous: [UInt8] = []
    private var previousValues: [Int] = []
    private(set) var count = 0
    /// Per value column: whether it is stored as a difference within its block (ascending columns).
    let deltas: [Bool]

    init(deltas: [Bool] = []) {
        self.deltas = deltas
    }

    /// Appends `key` with its values.
    mutating func add(_ key: [UInt8], values: [Int]) {
        if count % SegmentFormat.termBlockSize == 0 {
            index.append((key, body.count))
            previous = []
            previousValues = Array(repeating: 0, count: values.count)
        }
        let shared = zip(previous, key).prefix { $0 == $1 }.count
        body.write(varint: shared)
        body.write(varint: key.count - shared)
        body.write(key[shared...])
        for (column, value) in values.enumerated() {
            let delta = column < deltas.count && deltas[column]
            body.write(varint: delta ? value - previousValues[column] : value)
        }
        previousValues = values
        previous = key
        count += 1
    }

    /// The index section's bytes.
    func indexBytes() -> [UInt8] {
        var out = ByteWriter()
        out.write(varint: count)
        out.write(varint: index.count)
        for (key, offset) in index {
            out.write(varint: key.count)
            out.write(key)
            out.write(varint: offset)
        }
        return out.bytes
    }
}
