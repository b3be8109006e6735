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

    /// What a raw scan's visitor asks for next.
    enum ScanStep {
        /// The next key.
        case next
        /// Stop the scan.
        case stop
        /// Skip every following key that starts with the first `n` bytes of the key just visited
        /// (a prefix no key can match: the typo scan's dead branch); whole blocks are skipped by
        /// a binary search of the index.
        case skipPrefix(Int)
    }

    /// Calls `visit` with each key from the first one not less than `start`, in order, and its
    /// values; stops when `visit` returns false.
    func scan(from start: [UInt8], _ visit: ([UInt8], [Int]) throws -> Bool) throws {
        try start.withUnsafeBytes { raw in
            try scanRaw(from: raw) { key, values in
                try visit(Array(key), Array(values)) ? .next : .stop
            }
        }
    }

    /// Calls `visit` with each key from the first one not less than `start`, in order, and its
    /// values, as buffers valid only during the call; `visit` says what comes next.
    ///
    /// Entries are decoded straight from the mapping (bounds checked per byte, no allocation per
    /// entry), so a damaged table gives ``IndexError``, never a bad read.
    func scanRaw(
        from start: UnsafeRawBufferPointer,
        _ visit: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int>) throws -> ScanStep
    ) throws {
        guard !firsts.isEmpty, let base = body.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var decoder = EntryDecoder(base: base, end: body.count, bodyOffset: bodyOffset, file: file)
        var keyCapacity = 64
        var key = UnsafeMutablePointer<UInt8>.allocate(capacity: keyCapacity)
        var dead = UnsafeMutablePointer<UInt8>.allocate(capacity: keyCapacity)
        let values = UnsafeMutablePointer<Int>.allocate(capacity: max(1, valuesPerEntry))
        defer {
            key.deallocate()
            dead.deallocate()
            values.deallocate()
        }
        let block = lastBlock(notAfter: start)
        var ordinal = block * SegmentFormat.termBlockSize
        decoder.position = offsets[block]
        var keyLength = 0
        var passedStart = false
        // While skipping: the dead prefix's length, and whether the previous key had it.
        var deadLength = 0
        var previousDead = false
        while ordinal < count {
            if ordinal % SegmentFormat.termBlockSize == 0 {
                keyLength = 0
                values.update(repeating: 0, count: valuesPerEntry)
            }
            let shared = try decoder.int()
            let suffix = try decoder.int()
            guard shared <= keyLength else { throw decoder.corrupt("bad key prefix") }
            guard suffix <= decoder.end - decoder.position else { throw decoder.corrupt("key out of range") }
            let length = shared + suffix
            if length > keyCapacity {
                keyCapacity = max(length, keyCapacity * 2)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: keyCapacity)
                grown.update(from: key, count: shared)
                key.deallocate()
                key = grown
                let grownDead = UnsafeMutablePointer<UInt8>.allocate(capacity: keyCapacity)
                grownDead.update(from: dead, count: deadLength)
                dead.deallocate()
                dead = grownDead
            }
            (key + shared).update(from: base + decoder.position, count: suffix)
            decoder.position += suffix
            keyLength = length
            for column in 0..<valuesPerEntry {
                let value = try decoder.int(limit: Int.max)
                if deltas[column] {
                    let (sum, overflow) = values[column].addingReportingOverflow(value)
                    guard !overflow else { throw decoder.corrupt("offset overflows") }
                    values[column] = sum
                } else {
                    values[column] = value
                }
            }
            ordinal += 1
            if !passedStart {
                if Self.less(UnsafeRawBufferPointer(start: key, count: keyLength), start) { continue }
                passedStart = true
            }
            if deadLength > 0 {
                // A key keeps the dead prefix when it shares it with a previous key that had it.
                let isDead =
                    keyLength >= deadLength
                    && (previousDead && shared >= deadLength || memcmp(key, dead, deadLength) == 0)
                if isDead {
                    previousDead = true
                    continue
                }
                deadLength = 0
                previousDead = false
            }
            switch try visit(
                UnsafeBufferPointer(start: key, count: keyLength),
                UnsafeBufferPointer(start: values, count: valuesPerEntry))
            {
            case .next: continue
            case .stop: return
            case .skipPrefix(let prefix):
                guard prefix > 0 else { continue }
                deadLength = min(prefix, keyLength)
                dead.update(from: key, count: deadLength)
                previousDead = true
                // Jump to the last block that starts before every key past the prefix.
                guard let successor = Self.successor(of: UnsafeBufferPointer(start: dead, count: deadLength)) else {
                    return
                }
                let target = successor.withUnsafeBytes { lastBlock(notAfter: $0, strictly: true) }
                if target > (ordinal - 1) / SegmentFormat.termBlockSize {
                    ordinal = target * SegmentFormat.termBlockSize
                    decoder.position = offsets[target]
                    previousDead = false
                }
            }
        }
    }

    /// The values of `key`, if present.
    func find(_ key: [UInt8]) throws -> [Int]? {
        try key.withUnsafeBytes { raw in try find(raw) { Array($0) } }
    }

    /// Calls `body` with the values of `key` when present (a buffer valid during the call).
    ///
    /// One block is decoded without building any key: each entry's shared-prefix length says
    /// whether it can still equal `key`, so only suffixes that may match are compared.
    func find<T>(_ key: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<Int>) throws -> T) throws -> T? {
        guard !firsts.isEmpty, let base = bodyBase else { return nil }
        let block = lastBlock(notAfter: key)
        var decoder = EntryDecoder(base: base, end: self.body.count, bodyOffset: bodyOffset, file: file)
        decoder.position = offsets[block]
        let entries = min(SegmentFormat.termBlockSize, count - block * SegmentFormat.termBlockSize)
        let target = key.bindMemory(to: UInt8.self)
        let targetCount = target.count
        return try withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, valuesPerEntry)) { values in
            values.initialize(repeating: 0)
            // Bytes of `key` the previous entry's key matched, and that key's length.
            var matched = 0
            var previousLength = 0
            for _ in 0..<entries {
                let shared = try decoder.int()
                let suffix = try decoder.int()
                guard shared <= previousLength else { throw decoder.corrupt("bad key prefix") }
                guard suffix <= decoder.end - decoder.position else { throw decoder.corrupt("key out of range") }
                let suffixStart = decoder.position
                decoder.position += suffix
                let length = shared + suffix
                previousLength = length
                for column in 0..<valuesPerEntry {
                    let value = try decoder.int(limit: Int.max)
                    if deltas[column] {
                        let (sum, overflow) = values[column].addingReportingOverflow(value)
                        guard !overflow else { throw decoder.corrupt("offset overflows") }
                        values[column] = sum
                    } else {
                        values[column] = value
                    }
                }
                // Keys ascend: a key that leaves the previous one before the matched bytes is past `key`;
                // one that shares more than the matched bytes is still before it.
                if shared < matched { return nil }
                if shared > matched { continue }
                var common = 0
                let limit = min(suffix, targetCount - matched)
                while common < limit && base[suffixStart + common] == target[matched + common] { common += 1 }
                matched += common
                if common == suffix {
                    if matched == targetCount { return try body(UnsafeBufferPointer(values)) }
                    continue  // a proper prefix of `key`: before it
                }
                if matched == targetCount || base[suffixStart + common] > target[matched] { return nil }
            }
            return nil
        }
    }

    /// The last block whose first key is ≤ `key` (< `key` when `strictly`); 0 when none is.
    private func lastBlock(notAfter key: UnsafeRawBufferPointer, strictly: Bool = false) -> Int {
        var low = 0
        var high = firsts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            let after = firsts[middle].withUnsafeBytes { first in
                strictly ? !Self.less(first, key) : Self.less(key, first)
            }
            if after { high = middle - 1 } else { low = middle }
        }
        return low
    }

    /// The smallest byte string greater than every string starting with `prefix`; `nil` when none is.
    private static func successor(of prefix: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var bytes = Array(prefix)
        while let last = bytes.last, last == 0xFF { bytes.removeLast() }
        guard !bytes.isEmpty else { return nil }
        bytes[bytes.count - 1] += 1
        return bytes
    }

    private var bodyBase: UnsafePointer<UInt8>? { body.baseAddress?.assumingMemoryBound(to: UInt8.self) }

    /// Reads varints of the body straight from memory, every byte bounds-checked.
    private struct EntryDecoder {
        let base: UnsafePointer<UInt8>
        let end: Int
        let bodyOffset: Int
        let file: String
        var position = 0

        init(base: UnsafePointer<UInt8>, end: Int, bodyOffset: Int, file: String) {
            self.base = base
            self.end = end
            self.bodyOffset = bodyOffset
            self.file = file
        }

        func corrupt(_ message: String) -> IndexError {
            IndexError.corrupt(file: file, offset: bodyOffset + position, message)
        }

        /// A varint that must fit in a non-negative `Int` no larger than `limit`.
        @inline(__always)
        mutating func int(limit: Int = Int(Int32.max)) throws -> Int {
            guard position < end else { throw corrupt("unexpected end of data") }
            let first = base[position]
            position += 1
            if first < 0x80 {
                guard Int(first) <= limit else { throw corrupt("value \(first) out of range 0...\(limit)") }
                return Int(first)
            }
            var value = UInt64(first & 0x7F)
            var shift: UInt64 = 7
            while true {
                guard position < end else { throw corrupt("unexpected end of data") }
                let byte = base[position]
                position += 1
                if shift == 63 && byte > 1 { throw corrupt("varint larger than 64 bits") }
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
                if shift > 63 { throw corrupt("varint too long") }
            }
            guard value <= UInt64(max(0, limit)) else { throw corrupt("value \(value) out of range 0...\(limit)") }
            return Int(value)
        }
    }

    /// Byte order of keys (memcmp, then length).
    @inline(__always)
    static func less(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Bool {
        let common = min(lhs.count, rhs.count)
        if common > 0, let a = lhs.baseAddress, let b = rhs.baseAddress {
            let order = memcmp(a, b, common)
            if order != 0 { return order < 0 }
        }
        return lhs.count < rhs.count
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
