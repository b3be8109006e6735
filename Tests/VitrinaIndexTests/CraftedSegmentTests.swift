import Foundation
import Testing

@testable import VitrinaIndex

/// Segments whose checksum was recomputed after a field was made to lie (issue 12, finding 3).
///
/// Every one must give an ``IndexError`` naming the file and the offset, never a trap or a huge
/// allocation. Before the checked ``ByteReader`` these crashed the process (offsets ≥ 2⁶³
/// converted to `Int`, `offset + length` overflowing, counts sizing allocations).
@Suite("Crafted segments")
struct CraftedSegmentTests {
    static let segment = "seg-000001.vseg"

    /// An index of the sample products (tv-1 deleted and re-added, so there is a deletion file).
    static func sampleIndex() throws -> TemporaryIndex {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        for product in SampleProducts.all {
            var product = product
            product.reviewCount = 7
            product.rating = 4.5
            try writer.add(product)
        }
        try writer.commit()
        return index
    }

    /// Runs every read path over the index: open, searches of each kind, facets, sort, filters,
    /// stored products, explain, stats.
    static func exercise(_ path: String) throws {
        let reader = try IndexReader(path: path)
        let facets = ["vendor", "category", "price"]
        _ = try reader.search(SearchRequest(text: "телевизор samsung", facets: facets))
        _ = try reader.search(SearchRequest(text: "", sort: .ascending("price"), limit: 100, facets: facets))
        _ = try reader.search(SearchRequest(text: "\"телевизор samsung\" zz"))
        // Positions are read only for phrases (and the title proximity bonus).
        _ = try reader.search(SearchRequest(text: "\"zz zz\""))
        _ = try reader.search(SearchRequest(text: "zz тел* пылесос", mode: .any))
        _ = try reader.search(SearchRequest(text: "телевезор"))
        _ = try reader.search(
            SearchRequest(
                text: "",
                filters: [.equals(field: "vendor", value: "Samsung"), .range(field: "price", min: 1, max: nil)]))
        for product in SampleProducts.all { _ = try reader.product(id: product.id) }
        _ = try reader.explain(SearchRequest(text: "телевизор"), id: "tv-1")
        _ = reader.stats()
        _ = reader.distinctValues(of: "vendor")
    }

    /// Writes `bytes` as the segment of `index` and checks that reading gives a `corrupt` error
    /// naming that file (and an offset, unless `offset` is false).
    static func expectCorrupt(
        _ index: TemporaryIndex, _ bytes: [UInt8], offset: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: index.path + "/" + segment))
        #expect(sourceLocation: sourceLocation) {
            try exercise(index.path)
        } throws: { error in
            guard let error = error as? IndexError else { return false }
            return error.code == .corrupt && error.path.hasSuffix(segment) && (!offset || error.offset != nil)
        }
    }

    @Test func theForgeRoundTripsAValidSegment() throws {
        let index = try Self.sampleIndex()
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        #expect(forge.serialize() == forge.original)
        try Self.exercise(index.path)
    }

    @Test func sectionOffsetsPast2To63AreErrors() throws {
        let index = try Self.sampleIndex()
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        try Self.expectCorrupt(index, forge.serialize { $0[0].offset = 1 << 63 })
        try Self.expectCorrupt(index, forge.serialize { $0[0].length = UInt64.max })
        try Self.expectCorrupt(index, forge.serialize(editFooter: { offset, _ in offset = UInt64.max - 3 }))
    }

    @Test func offsetPlusLengthOverflowIsAnError() throws {
        let index = try Self.sampleIndex()
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        try Self.expectCorrupt(
            index,
            forge.serialize {
                $0[1].offset = UInt64(Int.max) - 10
                $0[1].length = 100
            })
        try Self.expectCorrupt(
            index,
            forge.serialize {
                $0[1].offset = 20
                $0[1].length = UInt64(Int.max)
            })
    }

    @Test func hugeCountsAreErrorsBeforeAnyAllocation() throws {
        let index = try Self.sampleIndex()
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        try Self.expectCorrupt(index, forge.serialize(editFooter: { _, count in count = UInt32.max }))
        // Documents: 2³¹ − 1 in a file of a few kilobytes.
        var meta = forge
        let metaIndex = try #require(meta.index(of: .meta))
        meta.sections[metaIndex].bytes =
            SegmentForge.varint(UInt64(Int32.max)) + meta.sections[metaIndex].bytes.dropFirst()
        try Self.expectCorrupt(index, meta.serialize())
        // A dictionary of 2³¹ − 1 blocks.
        var dictionary = forge
        let termIndex = try #require(dictionary.index(of: .termIndex, field: 0))
        dictionary.sections[termIndex].bytes =
            SegmentForge.varint(UInt64(Int32.max)) + SegmentForge.varint(UInt64(Int32.max) / 32 + 1)
        try Self.expectCorrupt(index, dictionary.serialize())
        // 2³¹ − 1 stored (summary) blocks, and a block claiming 4 GiB once decompressed.
        var stored = forge
        let storedIndex = try #require(stored.index(of: .summaries))
        var bytes = stored.sections[storedIndex].bytes
        stored.sections[storedIndex].bytes = SegmentForge.varint(UInt64(Int32.max)) + bytes.dropFirst()
        try Self.expectCorrupt(index, stored.serialize())
        let blocks = Int(bytes[0])  // one varint byte for a small segment
        let firstBlock = 1 + (blocks + 1) * 8
        for offset in 0..<4 { bytes[firstBlock + offset] = 0xFF }
        stored.sections[storedIndex].bytes = bytes
        try Self.expectCorrupt(index, stored.serialize())
        // Block offsets of 2⁶³ and more.
        bytes = forge.sections[storedIndex].bytes
        for offset in 1..<9 { bytes[offset + 8] = 0xFF }
        stored.sections[storedIndex].bytes = bytes
        try Self.expectCorrupt(index, stored.serialize())
    }

    /// A one-term title dictionary ("zz") over crafted postings and positions (format 2: a term
    /// entry holds frequency, postings and positions offsets, largest frequency, smallest length;
    /// a list shorter than a block is `document − previous − 1` and `frequency − 1` varints).
    static func craftedTerm(
        _ forge: SegmentForge, frequency: UInt64 = 1, postingsOffset: UInt64 = 0, positions: [UInt64] = [1]
    ) throws -> [UInt8] {
        var forge = forge
        let term = Array("zz".utf8)
        let termIndex = try #require(forge.index(of: .termIndex, field: 0))
        forge.sections[termIndex].bytes =
            SegmentForge.varint(1) + SegmentForge.varint(1) + SegmentForge.varint(UInt64(term.count)) + term
            + SegmentForge.varint(0)
        let terms = try #require(forge.index(of: .terms, field: 0))
        forge.sections[terms].bytes =
            SegmentForge.varint(0) + SegmentForge.varint(UInt64(term.count)) + term + SegmentForge.varint(frequency)
            + SegmentForge.varint(postingsOffset) + SegmentForge.varint(0)
            + SegmentForge.varint(UInt64(positions.count)) + SegmentForge.varint(0)
        let postings = try #require(forge.index(of: .postings, field: 0))
        forge.sections[postings].bytes = SegmentForge.varint(0) + SegmentForge.varint(UInt64(positions.count - 1))
        let positionsIndex = try #require(forge.index(of: .positions, field: 0))
        forge.sections[positionsIndex].bytes = positions.flatMap(SegmentForge.varint)
        return forge.serialize()
    }

    @Test func postingsAndPositionsThatLieAreErrors() throws {
        let index = try Self.sampleIndex()
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        // The crafted dictionary itself reads fine.
        try Data(try Self.craftedTerm(forge)).write(to: URL(fileURLWithPath: index.path + "/" + Self.segment))
        #expect(try IndexReader(path: index.path).search(SearchRequest(text: "zz")).total == 1)
        // A document frequency past the document count; postings at 2⁶²; positions overflowing Int32.
        try Self.expectCorrupt(index, try Self.craftedTerm(forge, frequency: 1 << 40))
        try Self.expectCorrupt(index, try Self.craftedTerm(forge, postingsOffset: 1 << 62))
        try Self.expectCorrupt(index, try Self.craftedTerm(forge, positions: [UInt64(Int32.max), UInt64(Int32.max)]))
        // A position delta of 2⁶⁴ − 1.
        try Self.expectCorrupt(index, try Self.craftedTerm(forge, positions: [UInt64.max]))
    }

    @Test func idsPointingPastTheDocumentsAreErrors() throws {
        let index = try Self.sampleIndex()
        do {
            // A deletion file, so a document number read from the id table indexes a bitset.
            let writer = try IndexWriter(path: index.path)
            try writer.delete(id: "vc-2")
            try writer.commit()
        }
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        var ids = forge
        // The id table rewritten with the first id's document at 2³² − 1.
        var entries: [(String, Int)] = []
        try IndexReader(path: index.path).segments[0].reader.forEachID { entries.append(($0, $1)) }
        var table = SortedTableWriter()
        for (number, (id, document)) in entries.enumerated() {
            table.add(Array(id.utf8), values: [number == 0 ? Int(UInt32.max) : document])
        }
        let body = try #require(ids.index(of: .ids))
        let tableIndex = try #require(ids.index(of: .idIndex))
        ids.sections[body].bytes = table.body.bytes
        ids.sections[tableIndex].bytes = table.indexBytes()
        try Self.expectCorrupt(index, ids.serialize(), offset: false)
    }

    @Test func aStoredReviewCountThatIsNoIntegerIsAnError() throws {
        let index = try Self.sampleIndex()
        var forge = try SegmentForge(path: index.path + "/" + Self.segment)
        let storedIndex = try #require(forge.index(of: .summaries))
        // Re-encode every summary (in document order) with a review count of 1e300 (not an Int).
        let reader = try IndexReader(path: index.path)
        let products = try SampleProducts.all.map { try #require(try reader.product(id: $0.id)) }
        var summaries: [ArraySlice<UInt8>] = []
        for product in products {
            var out = ByteWriter()
            StoredProductCodec.encodeSummary(product, into: &out)
            var bytes = out.bytes
            let seven = withUnsafeBytes(of: Double(7).bitPattern.littleEndian, Array.init)
            let huge = withUnsafeBytes(of: Double(1e300).bitPattern.littleEndian, Array.init)
            let at = try #require((0...(bytes.count - 8)).first { Array(bytes[$0..<($0 + 8)]) == seven })
            bytes.replaceSubrange(at..<(at + 8), with: huge)
            summaries.append(bytes[...])
        }
        var section = ByteWriter()
        StoredBlocks.write(summaries, documentsPerBlock: SegmentFormat.summaryBlockSize, into: &section)
        forge.sections[storedIndex].bytes = section.bytes
        try Data(forge.serialize()).write(to: URL(fileURLWithPath: index.path + "/" + Self.segment))
        let damaged = try IndexReader(path: index.path)
        #expect { _ = try damaged.product(id: "tv-1") } throws: { ($0 as? IndexError)?.code == .corrupt }
    }

    @Test func lengthSumsAreBoundedSoAveragesNeverOverflow() throws {
        let index = try Self.sampleIndex()
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        var meta = forge
        let metaIndex = try #require(meta.index(of: .meta))
        // Documents, fields, then field 0 with a length sum of Int.max.
        meta.sections[metaIndex].bytes =
            Array(meta.sections[metaIndex].bytes.prefix(2)) + SegmentForge.varint(0)
            + SegmentForge.varint(UInt64(Int.max))
        try Self.expectCorrupt(index, meta.serialize())
    }

    /// Random damage with a recomputed CRC: every outcome is a result or an `IndexError`.
    ///
    /// `VITRINA_DAMAGE_ROUNDS` and `VITRINA_DAMAGE_SEED` run longer campaigns (default 1,500, 12).
    @Test func randomDamageWithAValidChecksumNeverTraps() throws {
        let index = try Self.sampleIndex()
        let forge = try SegmentForge(path: index.path + "/" + Self.segment)
        let environment = ProcessInfo.processInfo.environment
        var generator = SplitMix64(seed: environment["VITRINA_DAMAGE_SEED"].flatMap { UInt64($0) } ?? 12)
        var errors = 0
        let rounds = environment["VITRINA_DAMAGE_ROUNDS"].flatMap { Int($0) } ?? 1_500
        for round in 0..<rounds {
            var bytes = Array(forge.original.dropLast(4))
            let edits = 1 + Int(generator.next() % 4)
            for _ in 0..<edits {
                // Mostly the sections (the structure), sometimes the directory and footer.
                let position = Int(generator.next() % UInt64(bytes.count - 12)) + 12
                let value: UInt8 = [0x00, 0xFF, 0x7F, 0x80, UInt8(truncatingIfNeeded: generator.next())][
                    Int(generator.next() % 5)]
                let run = round % 7 == 0 ? 8 : 1
                for offset in 0..<run where position + offset < bytes.count { bytes[position + offset] = value }
            }
            try Data(SegmentForge.withCRC(bytes)).write(to: URL(fileURLWithPath: index.path + "/" + Self.segment))
            do {
                try Self.exercise(index.path)
            } catch let error as IndexError {
                errors += 1
                #expect(error.code == .corrupt || error.code == .foreignFile, "\(error)")
            }
        }
        #expect(errors > rounds / 10)  // the damage was real
        print("random segment damage: \(rounds) rounds, \(errors) IndexErrors, \(rounds - errors) read fine, no trap")
    }
}

/// A small deterministic generator for randomized tests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
