/// The length of one text field per document (BM25's document length).
struct NormsColumn {
    private let base: UnsafeRawPointer?
    private let width: Int
    private let legacy: Bool
    /// The largest length.
    let maximum: Int

    /// A column no document has (every length 0).
    static var empty: NormsColumn { NormsColumn(base: nil, width: 0, legacy: false, maximum: 0) }

    private init(base: UnsafeRawPointer?, width: Int, legacy: Bool, maximum: Int) {
        self.base = base
        self.width = width
        self.legacy = legacy
        self.maximum = maximum
    }

    /// Reads the column in `section` (file offsets) of a segment of `documentCount` documents.
    ///
    /// - Throws: ``IndexError`` `corrupt` when its size does not match.
    init(file: UnsafeRawBufferPointer, section: Range<Int>, documentCount: Int, version: UInt32, path: String) throws {
        guard !section.isEmpty, let start = file.baseAddress else {
            self = .empty
            return
        }
        if version == 1 {
            guard section.count == documentCount * 2 else {
                throw IndexError.corrupt(file: path, offset: section.lowerBound, "norms column has the wrong size")
            }
            base = start + section.lowerBound
            width = 16
            legacy = true
            var largest = 0
            for document in 0..<documentCount {
                largest = max(
                    largest,
                    Int(file[section.lowerBound + 2 * document]) << 0
                        | Int(file[section.lowerBound + 2 * document + 1]) << 8)
            }
            maximum = largest
            return
        }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: file[section]), base: section.lowerBound, file: path)
        width = Int(try reader.readByte())
        maximum = try reader.readInt(limit: Int(UInt16.max))
        let expected = reader.offset + BitPacking.byteCount(count: documentCount, width: width) + BitPacking.slack
        guard width <= 16, BitPacking.width(UInt64(maximum)) <= width, section.count == expected else {
            throw IndexError.corrupt(file: path, offset: section.lowerBound, "norms column has the wrong size")
        }
        base = start + section.lowerBound + reader.offset
        legacy = false
    }

    /// The bit-packed lengths (format 2), for loops that read them directly with
    /// ``BitPacking/get(_:index:width:)``; `nil` for format 1 and for an empty column.
    var packed: (base: UnsafeRawPointer, width: Int)? {
        guard let base, !legacy else { return nil }
        return (base, width)
    }

    /// The length in `document` (< the segment's document count).
    @inline(__always)
    func length(_ document: Int) -> Int {
        guard let base else { return 0 }
        if legacy {
            return Int(base.load(fromByteOffset: document * 2, as: UInt8.self))
                | Int(base.load(fromByteOffset: document * 2 + 1, as: UInt8.self)) << 8
        }
        return Int(BitPacking.get(base, index: document, width: width))
    }

    /// Writes a format-2 column for `lengths` (nothing when every length is 0).
    static func write(_ lengths: [UInt16], into out: inout ByteWriter) {
        guard let largest = lengths.max(), largest > 0 else { return }
        let width = BitPacking.width(UInt64(largest))
        out.write(UInt8(width))
        out.write(varint: Int(largest))
        BitPacking.pack(lengths.lazy.map { UInt64($0) }, width: width, into: &out)
        out.write([UInt8](repeating: 0, count: BitPacking.slack))
    }
}

/// A numeric field's value per document.
struct NumericColumn {
    private enum Layout {
        case none
        /// float64 per document, NaN when absent.
        case floats(UnsafeRawPointer)
        /// `value × scale − minimum + 1` bit-packed, 0 when absent.
        case scaled(UnsafeRawPointer, width: Int, scale: Double, minimum: Int64)
    }

    private let layout: Layout

    /// A column without values.
    static var empty: NumericColumn { NumericColumn(layout: .none) }

    private init(layout: Layout) { self.layout = layout }

    /// Reads the column in `section`.
    ///
    /// - Throws: ``IndexError`` `corrupt` when its size does not match.
    init(file: UnsafeRawBufferPointer, section: Range<Int>, documentCount: Int, version: UInt32, path: String) throws {
        guard !section.isEmpty, let start = file.baseAddress else {
            self = .empty
            return
        }
        func wrongSize() -> IndexError {
            IndexError.corrupt(file: path, offset: section.lowerBound, "numbers column has the wrong size")
        }
        if version == 1 {
            guard section.count == documentCount * 8 else { throw wrongSize() }
            layout = .floats(start + section.lowerBound)
            return
        }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: file[section]), base: section.lowerBound, file: path)
        switch try reader.readByte() {
        case 0:
            guard section.count == 1 + documentCount * 8 else { throw wrongSize() }
            layout = .floats(start + section.lowerBound + 1)
        case 1:
            let scale = try reader.readInt(limit: 1_000)
            let minimum = Self.unzigzag(try reader.readVarint())
            let width = Int(try reader.readByte())
            let expected = reader.offset + BitPacking.byteCount(count: documentCount, width: width) + BitPacking.slack
            guard [1, 10, 100, 1_000].contains(scale), width <= 56, section.count == expected else {
                throw wrongSize()
            }
            layout = .scaled(
                start + section.lowerBound + reader.offset, width: width, scale: Double(scale), minimum: minimum)
        default:
            throw IndexError.corrupt(file: path, offset: section.lowerBound, "unknown numbers column layout")
        }
    }

    /// The value in `document`, `nil` when absent.
    @inline(__always)
    func value(_ document: Int) -> Double? {
        switch layout {
        case .none: return nil
        case .floats(let base):
            let bits = base.loadUnaligned(fromByteOffset: document * 8, as: UInt64.self)
            let value = Double(bitPattern: UInt64(littleEndian: bits))
            return value.isNaN ? nil : value
        case .scaled(let base, let width, let scale, let minimum):
            let stored = BitPacking.get(base, index: document, width: width)
            if stored == 0 { return nil }
            return Double(minimum &+ Int64(bitPattern: stored) &- 1) / scale
        }
    }

    /// Writes a format-2 column (nothing when no document has a value): scaled integers when
    /// every value is a whole number of units, tenths, hundredths or thousandths, else float64.
    static func write(_ values: [Double], into out: inout ByteWriter) {
        let present = values.filter { !$0.isNaN }
        guard !present.isEmpty else { return }
        for scale in [1.0, 10, 100, 1_000] {
            var integers: [Int64] = []
            integers.reserveCapacity(present.count)
            var exact = true
            for value in present {
                let scaled = (value * scale).rounded()
                guard abs(scaled) < 1e15, scaled / scale == value else {
                    exact = false
                    break
                }
                integers.append(Int64(scaled))
            }
            guard exact, let low = integers.min(), let high = integers.max() else { continue }
            let width = BitPacking.width(UInt64(high - low) + 1)
            guard width <= 56 else { break }
            out.write(UInt8(1))
            out.write(varint: Int(scale))
            out.write(varint: zigzag(low))
            out.write(UInt8(width))
            BitPacking.pack(
                values.lazy.map { $0.isNaN ? 0 : UInt64(Int64(($0 * scale).rounded()) - low) + 1 }, width: width,
                into: &out)
            out.write([UInt8](repeating: 0, count: BitPacking.slack))
            return
        }
        out.write(UInt8(0))
        for value in values { out.write(f64: value) }
    }

    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
}

/// A keyword field's value ordinals per document (ordinals into the sorted distinct values).
struct KeywordColumn {
    private enum Layout {
        case none
        /// Format 1: u32 offsets (documents + 1) then u32 ordinals.
        case legacy(UnsafeRawPointer, ordinals: UnsafeRawPointer, total: Int)
        /// `ordinal + 1` per document (0 = none).
        case single(UnsafeRawPointer, width: Int)
        /// Offsets (documents + 1) then ordinals, each bit-packed.
        case multiple(UnsafeRawPointer, offsetWidth: Int, ordinals: UnsafeRawPointer, ordinalWidth: Int, total: Int)
    }

    private let layout: Layout
    private let valueCount: Int
    private let path: String

    /// A column no document has.
    static var empty: KeywordColumn { KeywordColumn(layout: .none, valueCount: 0, path: "") }

    private init(layout: Layout, valueCount: Int, path: String) {
        self.layout = layout
        self.valueCount = valueCount
        self.path = path
    }

    /// Reads the column in `section` for a field of `valueCount` distinct values.
    ///
    /// - Throws: ``IndexError`` `corrupt` when its size or an offset is wrong.
    init(
        file: UnsafeRawBufferPointer, section: Range<Int>, documentCount: Int, valueCount: Int, version: UInt32,
        path: String
    ) throws {
        self.valueCount = valueCount
        self.path = path
        guard !section.isEmpty, let start = file.baseAddress else {
            layout = .none
            return
        }
        func bad(_ what: String) -> IndexError { IndexError.corrupt(file: path, offset: section.lowerBound, what) }
        if version == 1 {
            guard section.count >= (documentCount + 1) * 4 else { throw bad("keyword column too short") }
            let base = start + section.lowerBound
            let total = Int(
                UInt32(littleEndian: base.loadUnaligned(fromByteOffset: documentCount * 4, as: UInt32.self)))
            guard section.count == (documentCount + 1 + total) * 4 else {
                throw bad("keyword column has the wrong size")
            }
            layout = .legacy(base, ordinals: base + (documentCount + 1) * 4, total: total)
            return
        }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: file[section]), base: section.lowerBound, file: path)
        switch try reader.readByte() {
        case 0:
            let width = Int(try reader.readByte())
            let expected = reader.offset + BitPacking.byteCount(count: documentCount, width: width) + BitPacking.slack
            guard width <= 32, section.count == expected else { throw bad("keyword column has the wrong size") }
            layout = .single(start + section.lowerBound + reader.offset, width: width)
        case 1:
            let offsetWidth = Int(try reader.readByte())
            let ordinalWidth = Int(try reader.readByte())
            let total = try reader.readInt()
            let offsetsStart = reader.offset
            let ordinalsStart =
                offsetsStart + BitPacking.byteCount(count: documentCount + 1, width: offsetWidth) + BitPacking.slack
            let expected = ordinalsStart + BitPacking.byteCount(count: total, width: ordinalWidth) + BitPacking.slack
            guard offsetWidth <= 32, ordinalWidth <= 32, section.count == expected else {
                throw bad("keyword column has the wrong size")
            }
            layout = .multiple(
                start + section.lowerBound + offsetsStart, offsetWidth: offsetWidth,
                ordinals: start + section.lowerBound + ordinalsStart, ordinalWidth: ordinalWidth, total: total)
        default:
            throw bad("unknown keyword column layout")
        }
    }

    /// Calls `body` with each value ordinal of `document` (ordinals ≥ the value count are
    /// skipped); stops early when `body` returns true, and returns whether it did.
    @inline(__always)
    @discardableResult
    func first(in document: Int, where body: (Int) -> Bool) throws -> Bool {
        switch layout {
        case .none: return false
        case .single(let base, let width):
            let stored = Int(BitPacking.get(base, index: document, width: width))
            return stored > 0 && stored <= valueCount && body(stored - 1)
        case .legacy(let base, let ordinals, let total):
            func u32(_ pointer: UnsafeRawPointer, _ index: Int) -> Int {
                Int(UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
            }
            let start = u32(base, document)
            let end = u32(base, document + 1)
            guard start <= end, end <= total else {
                throw IndexError.corrupt(file: path, offset: nil, "bad keyword offsets")
            }
            for index in start..<end {
                let ordinal = u32(ordinals, index)
                if ordinal < valueCount && body(ordinal) { return true }
            }
            return false
        case .multiple(let base, let offsetWidth, let ordinals, let ordinalWidth, let total):
            let start = Int(BitPacking.get(base, index: document, width: offsetWidth))
            let end = Int(BitPacking.get(base, index: document + 1, width: offsetWidth))
            guard start <= end, end <= total else {
                throw IndexError.corrupt(file: path, offset: nil, "bad keyword offsets")
            }
            for index in start..<end {
                let ordinal = Int(BitPacking.get(ordinals, index: index, width: ordinalWidth))
                if ordinal < valueCount && body(ordinal) { return true }
            }
            return false
        }
    }

    /// The value ordinals of `document`.
    func ordinals(_ document: Int) throws -> [Int] {
        var result: [Int] = []
        try first(in: document) { ordinal in
            result.append(ordinal)
            return false
        }
        return result
    }

    /// Writes a format-2 column for per-document ordinals (nothing when no document has a value).
    static func write(_ ordinals: [[UInt32]], valueCount: Int, into out: inout ByteWriter) {
        guard valueCount > 0 else { return }
        if ordinals.allSatisfy({ $0.count <= 1 }) {
            let width = BitPacking.width(UInt64(valueCount))
            out.write(UInt8(0))
            out.write(UInt8(width))
            BitPacking.pack(ordinals.lazy.map { $0.first.map { UInt64($0) + 1 } ?? 0 }, width: width, into: &out)
            out.write([UInt8](repeating: 0, count: BitPacking.slack))
            return
        }
        let total = ordinals.reduce(0) { $0 + $1.count }
        let offsetWidth = BitPacking.width(UInt64(total))
        let ordinalWidth = BitPacking.width(UInt64(valueCount - 1))
        out.write(UInt8(1))
        out.write(UInt8(offsetWidth))
        out.write(UInt8(ordinalWidth))
        out.write(varint: total)
        var offsets: [UInt64] = [0]
        offsets.reserveCapacity(ordinals.count + 1)
        for values in ordinals { offsets.append((offsets.last ?? 0) + UInt64(values.count)) }
        BitPacking.pack(offsets, width: offsetWidth, into: &out)
        out.write([UInt8](repeating: 0, count: BitPacking.slack))
        BitPacking.pack(ordinals.joined().lazy.map { UInt64($0) }, width: ordinalWidth, into: &out)
        out.write([UInt8](repeating: 0, count: BitPacking.slack))
    }
}
