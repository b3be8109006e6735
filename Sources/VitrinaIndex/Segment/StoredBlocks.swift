import Synchronization

/// Documents' stored bytes in compressed blocks of a fixed number of documents, with a small
/// cache of decompressed blocks (tantivy's doc store).
///
/// Layout: block count (varint), then (blocks + 1) u64 offsets of each block from the end of the
/// offsets table, then the blocks: the uncompressed size u32 and the compressed bytes (zstd in
/// format 2, zlib in format 1). Uncompressed, a block is per document its length (varint) and
/// bytes.
final class StoredBlocks: @unchecked Sendable {
    // @unchecked Sendable: the mapping is read-only; the cache is behind a Mutex.

    private let section: UnsafeRawBufferPointer
    private let sectionOffset: Int
    private let blockCount: Int
    private let offsetsStart: Int
    private let documentsPerBlock: Int
    private let compressedWithZstd: Bool
    private let path: String
    private let cache = Mutex<[Int: [UInt8]]>([:])
    /// How many decompressed blocks are kept.
    static let cacheSize = 64

    /// Reads the block table of `range` (file offsets).
    ///
    /// - Throws: ``IndexError`` `corrupt` for a damaged table.
    init(
        file: UnsafeRawBufferPointer, range: Range<Int>, documentCount: Int, documentsPerBlock: Int, zstd: Bool,
        path: String
    ) throws {
        section = UnsafeRawBufferPointer(rebasing: file[range])
        sectionOffset = range.lowerBound
        self.documentsPerBlock = documentsPerBlock
        compressedWithZstd = zstd
        self.path = path
        var reader = ByteReader(section, base: range.lowerBound, file: path)
        blockCount = try reader.readCount(elementSize: 8)
        offsetsStart = reader.offset
        guard blockCount == (documentCount + documentsPerBlock - 1) / documentsPerBlock,
            offsetsStart + (blockCount + 1) * 8 <= section.count
        else {
            throw IndexError.corrupt(file: path, offset: range.lowerBound, "stored block table does not match")
        }
    }

    /// The stored bytes of `document`.
    func bytes(_ document: Int) throws -> [UInt8] {
        try withBytes(document) { Array($0) }
    }

    /// Calls `body` with the stored bytes of `document`.
    func withBytes<T>(_ document: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        let number = document / documentsPerBlock
        let decompressed: [UInt8]
        if let cached = cache.withLock({ $0[number] }) {
            decompressed = cached
        } else {
            decompressed = try block(number)
            cache.withLock { cache in
                if cache.count >= Self.cacheSize { cache.removeAll(keepingCapacity: true) }
                cache[number] = decompressed
            }
        }
        return try decompressed.withUnsafeBytes { raw in
            var entries = ByteReader(raw, file: path)
            for _ in 0..<(document % documentsPerBlock) {
                let length = try entries.readInt()
                _ = try entries.readBytes(length)
            }
            let length = try entries.readInt()
            return try body(try entries.readBytes(length))
        }
    }

    /// Decompresses block `number`.
    private func block(_ number: Int) throws -> [UInt8] {
        guard number < blockCount else {
            throw IndexError.corrupt(file: path, offset: sectionOffset, "no stored block \(number)")
        }
        var reader = ByteReader(section, base: sectionOffset, file: path)
        try reader.seek(to: offsetsStart + number * 8)
        let start = try reader.readU64()
        let end = try reader.readU64()
        let dataStart = offsetsStart + (blockCount + 1) * 8
        guard start <= end, end <= UInt64(section.count - dataStart), end - start >= 4 else {
            throw reader.corrupt("stored block out of range")
        }
        try reader.seek(to: dataStart + Int(start))
        let size = Int(try reader.readU32())
        // A block cannot expand beyond what zstd (run-length blocks: 128 KiB from 4 bytes) or zlib
        // could produce from its bytes, so allocations stay bounded by the file's size.
        guard size <= (1 << 16) + Int(end - start) * 32_768 else { throw reader.corrupt("stored block too large") }
        let position = reader.fileOffset
        let compressed = try reader.readBytes(Int(end - start) - 4)
        if compressedWithZstd {
            return try Zstd.decompress(compressed, size: size, file: path, offset: position)
        }
        return try Deflate.decompress(compressed, size: size, file: path, offset: position)
    }

    /// Writes stored bytes (one entry per document) as zstd blocks of `documentsPerBlock`.
    static func write(_ documents: [ArraySlice<UInt8>], documentsPerBlock: Int, into out: inout ByteWriter) {
        var blocks: [[UInt8]] = []
        var start = 0
        while start < documents.count {
            let end = min(start + documentsPerBlock, documents.count)
            var block = ByteWriter()
            for bytes in documents[start..<end] {
                block.write(varint: bytes.count)
                block.write(bytes)
            }
            var entry = ByteWriter()
            entry.write(u32: UInt32(block.count))
            entry.write(Zstd.compress(block.bytes))
            blocks.append(entry.bytes)
            start = end
        }
        out.write(varint: blocks.count)
        var offset: UInt64 = 0
        for block in blocks {
            out.write(u64: offset)
            offset += UInt64(block.count)
        }
        out.write(u64: offset)
        for block in blocks { out.write(block) }
    }
}

/// The sorted ids of a segment with their documents: find documents by id (update, delete).
struct IdTable {
    private enum Layout {
        /// Format 1: count, u32 offsets (count + 1), u32 documents, id bytes.
        case legacy(UnsafeRawBufferPointer, base: Int, count: Int)
        case table(SortedTable)
    }

    private let layout: Layout
    private let path: String
    private let documentCount: Int

    init(file: UnsafeRawBufferPointer, ids: Range<Int>, index: Range<Int>?, documentCount: Int, path: String)
        throws
    {
        self.path = path
        self.documentCount = documentCount
        if let index {
            let table = try SortedTable(
                index: UnsafeRawBufferPointer(rebasing: file[index]),
                body: UnsafeRawBufferPointer(rebasing: file[ids]), bodyOffset: ids.lowerBound, valuesPerEntry: 1,
                file: path)
            guard table.count == documentCount else {
                throw IndexError.corrupt(
                    file: path, offset: index.lowerBound,
                    "id table holds \(table.count) ids for \(documentCount) documents")
            }
            layout = .table(table)
        } else {
            let section = UnsafeRawBufferPointer(rebasing: file[ids])
            var reader = ByteReader(section, base: ids.lowerBound, file: path)
            let count = try reader.readCount(elementSize: 8)
            guard count == documentCount else {
                throw reader.corrupt("id table holds \(count) ids for \(documentCount) documents", at: 0)
            }
            layout = .legacy(section, base: ids.lowerBound, count: count)
        }
    }

    /// The documents with `id`, in id-table order.
    func documents(id: String) throws -> [Int] {
        let target = Array(id.utf8)
        switch layout {
        case .table(let table):
            var found: [Int] = []
            try target.withUnsafeBytes { start in
                try table.scanRaw(from: start) { key, values in
                    guard key.elementsEqual(target) else { return .stop }
                    guard values[0] < documentCount else {
                        throw IndexError.corrupt(
                            file: path, offset: nil, "document \(values[0]) out of range 0..<\(documentCount)")
                    }
                    found.append(values[0])
                    return .next
                }
            }
            return found
        case .legacy(let section, let base, let count):
            let table = try LegacyIds(section: section, base: base, count: count, path: path)
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                if try table.entry(middle, documentCount: documentCount).id.lexicographicallyPrecedes(target) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            var found: [Int] = []
            while low < count {
                let entry = try table.entry(low, documentCount: documentCount)
                guard entry.id.elementsEqual(target) else { break }
                found.append(entry.document)
                low += 1
            }
            return found
        }
    }

    /// Calls `body` with every id and its document, in id order.
    func forEach(_ body: (String, Int) throws -> Void) throws {
        switch layout {
        case .table(let table):
            try table.scan(from: []) { key, values in
                guard values[0] < documentCount else {
                    throw IndexError.corrupt(
                        file: path, offset: nil, "document \(values[0]) out of range 0..<\(documentCount)")
                }
                try body(String(decoding: key, as: UTF8.self), values[0])
                return true
            }
        case .legacy(let section, let base, let count):
            let table = try LegacyIds(section: section, base: base, count: count, path: path)
            for index in 0..<count {
                let entry = try table.entry(index, documentCount: documentCount)
                try body(String(decoding: entry.id, as: UTF8.self), entry.document)
            }
        }
    }
}

/// The format-1 id table: count, u32 offsets (count + 1), u32 documents, the id bytes.
private struct LegacyIds {
    let reader: ByteReader
    let offsets: Int
    let documents: Int
    let blob: Int

    init(section: UnsafeRawBufferPointer, base: Int, count: Int, path: String) throws {
        var reader = ByteReader(section, base: base, file: path)
        _ = try reader.readCount(elementSize: 8)
        offsets = reader.offset
        documents = offsets + (count + 1) * 4
        blob = documents + count * 4
        guard blob <= section.count else { throw reader.corrupt("id table too short", at: 0) }
        self.reader = reader
    }

    /// The id bytes and document of entry `index`.
    func entry(_ index: Int, documentCount: Int) throws -> (id: UnsafeRawBufferPointer, document: Int) {
        let start = Int(try reader.getU32(at: offsets + index * 4))
        let end = Int(try reader.getU32(at: offsets + index * 4 + 4))
        guard start <= end else { throw reader.corrupt("bad id offsets", at: offsets + index * 4) }
        let document = Int(try reader.getU32(at: documents + index * 4))
        guard document < documentCount else {
            throw reader.corrupt("document \(document) out of range 0..<\(documentCount)", at: documents + index * 4)
        }
        return (try reader.getBytes(at: blob + start, count: end - start), document)
    }
}
