import Foundation
import Testing

@testable import VitrinaIndex

@Suite("Direct segment merges")
struct SegmentMergerTests {
    /// Varied products: Russian and Belarusian titles, codes, parameters, reviews, prices with
    /// kopecks, several categories and pictures, some fields missing.
    static func products(count: Int, seed: UInt64) -> [Product] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let kinds = ["Телевизор", "Чайник", "Пылесос", "Смартфон", "Холодильник", "Тэлевізар", "Імбрык", "Фен"]
        let vendors = ["Samsung", "Xiaomi", "Bosch", "Атлант", "Philips", "LG"]
        let adjectives = ["белый", "чёрный", "красный", "беспроводной", "новы", "чырвоны", "умный", "тихий"]
        let colours = ["белый", "черный", "серый", "чырвоны"]
        return (0..<count).map { number in
            let kind = kinds[next(kinds.count)]
            let vendor = vendors[next(vendors.count)]
            var product = Product(
                id: "p\(number)-\(next(1_000))",
                title: "\(kind) \(vendor) \(adjectives[next(adjectives.count)]) X\(next(500))",
                vendor: next(5) == 0 ? nil : vendor, model: "M-\(next(90))", vendorCode: "VC\(next(10_000))",
                barcode: next(3) == 0 ? nil : "46\(10_000_000 + next(9_000_000))",
                categoryPath: ["Техника", kind + "ы"],
                description: (0..<(5 + next(30))).map { _ in adjectives[next(adjectives.count)] }.joined(
                    separator: " "),
                parameters: [
                    .init(name: "Цвет", value: colours[next(colours.count)]),
                    .init(name: "Мощность", value: "\(next(3_000))", unit: "Вт"),
                ],
                price: Double(next(100_000)) / 100, oldPrice: next(4) == 0 ? Double(next(200_000)) / 100 : nil,
                currency: next(2) == 0 ? "RUB" : "BYN", available: next(3) != 0, url: "https://shop.example/\(number)",
                pictures: (0..<next(3)).map { "https://shop.example/\(number)/\($0).jpg" },
                addedAt: Double(next(1_000)),
                rating: next(2) == 0 ? Double(next(50)) / 10 : nil, reviewCount: next(2) == 0 ? next(40) : nil,
                reviews: next(4) == 0 ? ["Отличный \(kind.lowercased()), рекомендую"] : [],
                language: next(4) == 0 ? .be : nil)
            if next(7) == 0 { product.description = nil }
            return product
        }
    }

    @Test func mergingEqualsIndexingTheLiveProductsAfresh() throws {
        let folder = TemporaryIndex()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let builder = DocumentBuilder(schema: .products)
        let products = Self.products(count: 420, seed: 11)
        var sources: [SegmentMerger.Source] = []
        var live: [Product] = []
        // Three segments of 140 (several postings blocks of common terms), two with deletions.
        for part in 0..<3 {
            let slice = products[(part * 140)..<((part + 1) * 140)]
            let segment = builder.startSegment()
            for product in slice { _ = try builder.add(product, to: segment) }
            let path = folder.path + "/seg-\(part).vseg"
            try Data(try segment.serialize()).write(to: URL(fileURLWithPath: path))
            let reader = try SegmentReader(path: path, name: "seg-\(part)")
            var deletions: DeletionSet?
            if part != 1 {
                var set = DeletionSet(documentCount: slice.count)
                for document in stride(from: part, to: slice.count, by: 3 + part) { set.insert(document) }
                deletions = set
            }
            sources.append(SegmentMerger.Source(reader: reader, deletions: deletions))
            for (document, product) in slice.enumerated() where !(deletions?.contains(document) ?? false) {
                live.append(product)
            }
        }
        let merged = try SegmentMerger(schema: .products, sources: sources).merge()
        let fresh = builder.startSegment()
        for product in live { _ = try builder.add(product, to: fresh) }
        let expected = try fresh.serialize()
        #expect(merged.documentCount == live.count)
        #expect(merged.bytes.count == expected.count)
        #expect(merged.bytes == expected)
    }

    @Test func aMergeOfOnlyDeletedDocumentsIsEmpty() throws {
        let folder = TemporaryIndex()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let builder = DocumentBuilder(schema: .products)
        let segment = builder.startSegment()
        for product in Self.products(count: 5, seed: 3) { _ = try builder.add(product, to: segment) }
        let path = folder.path + "/seg.vseg"
        try Data(try segment.serialize()).write(to: URL(fileURLWithPath: path))
        var deletions = DeletionSet(documentCount: 5)
        for document in 0..<5 { deletions.insert(document) }
        let source = SegmentMerger.Source(reader: try SegmentReader(path: path, name: "seg"), deletions: deletions)
        #expect(try SegmentMerger(schema: .products, sources: [source]).merge().documentCount == 0)
    }

    @Test func crcIsTheStandardCRC32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }
}

@Suite("Sorted tables")
struct SortedTableTests {
    /// A table of `keys` (sorted, distinct) with their ordinal and a running offset as values.
    private static func table(_ keys: [[UInt8]], _ check: (SortedTable) throws -> Void) throws {
        var writer = SortedTableWriter(deltas: [false, true])
        for (ordinal, key) in keys.enumerated() { writer.add(key, values: [ordinal, ordinal * 7]) }
        let index = writer.indexBytes()
        let bytes = writer.body.bytes
        try index.withUnsafeBytes { index in
            try bytes.withUnsafeBytes { body in
                try check(
                    try SortedTable(
                        index: index, body: body, bodyOffset: 0, valuesPerEntry: 2, deltas: [false, true], file: "t"))
            }
        }
    }

    private static func randomKeys(seed: UInt64) -> [[UInt8]] {
        var state = seed
        var keys: Set<[UInt8]> = []
        let alphabet = Array("абвгде".utf8) + Array("xyz".utf8)
        while keys.count < 700 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 1 + Int((state >> 40) % 6)
            var key: [UInt8] = []
            for step in 0..<length {
                key.append(alphabet[Int((state >> UInt64(3 + step * 5)) % UInt64(alphabet.count))])
            }
            keys.insert(key)
        }
        return keys.sorted { utf8Less($0, $1) }
    }

    @Test func findAgreesWithALinearSearch() throws {
        let keys = Self.randomKeys(seed: 5)
        try Self.table(keys) { table in
            for (ordinal, key) in keys.enumerated() {
                let found = try table.find(key)
                #expect(found == [ordinal, ordinal * 7])
                // Neighbours that are not keys: a prefix, an extension, a changed last byte.
                for probe in [Array(key.dropLast()), key + [0x61], key.dropLast() + [0xFF]] where !keys.contains(probe)
                {
                    let missing = try table.find(probe)
                    #expect(missing == nil)
                }
            }
            let empty = try table.find([])
            let past = try table.find([0xFF, 0xFF])
            #expect(empty == nil && past == nil)
        }
    }

    @Test func skippingAPrefixSkipsExactlyTheKeysWithIt() throws {
        let keys = Self.randomKeys(seed: 9)
        try Self.table(keys) { table in
            // Skip every key that starts with its first two bytes once a key of that prefix is seen.
            var visited: [[UInt8]] = []
            try table.scanRaw(from: UnsafeRawBufferPointer(start: nil, count: 0)) { key, values in
                visited.append(Array(key))
                #expect(values[1] == values[0] * 7)
                return key.count >= 2 ? .skipPrefix(2) : .next
            }
            var expected: [[UInt8]] = []
            var dead: [UInt8]?
            for key in keys {
                if let dead, key.starts(with: dead) { continue }
                dead = key.count >= 2 ? Array(key.prefix(2)) : nil
                expected.append(key)
            }
            #expect(visited == expected)
        }
    }
}

@Suite("Typo matching over a sorted dictionary")
struct FuzzyWalkTests {
    private static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var next = [i + 1]
            for (j, y) in b.enumerated() { next.append(min(row[j + 1] + 1, next[j] + 1, row[j] + (x == y ? 0 : 1))) }
            row = next
        }
        return row[b.count]
    }

    @Test func aWalkWithDeadPrefixesFindsExactlyTheTermsWithinTheDistance() {
        var state: UInt64 = 17
        let letters = Array("катрлоеи".unicodeScalars)
        var words: Set<String> = []
        while words.count < 3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 3 + Int((state >> 50) % 7)
            words.insert(
                String(String.UnicodeScalarView((0..<length).map { letters[Int((state >> UInt64(2 + 4 * $0)) % 8)] })))
        }
        let sorted = words.map { Array($0.utf8) }.sorted { utf8Less($0, $1) }
        for query in ["катер", "колело", "ракета", "лето", "теракот"] {
            guard let matcher = FuzzyMatcher(query) else { continue }
            var walk = FuzzyMatcher.Walk()
            var found: Set<String> = []
            var dead: [UInt8]?
            for term in sorted {
                if let dead, term.starts(with: dead) { continue }
                dead = nil
                let outcome = term.withUnsafeBufferPointer { matcher.step($0, walk: &walk) }
                switch outcome {
                case .dead(let bytes): dead = Array(term.prefix(bytes))
                case .match: found.insert(String(decoding: term, as: UTF8.self))
                case .miss: break
                }
            }
            let scalars = Array(query.unicodeScalars)
            let expected = Set(
                words.filter { abs($0.unicodeScalars.count - scalars.count) <= matcher.maximumDistance }
                    .filter { Self.levenshtein(Array($0.unicodeScalars), scalars) <= matcher.maximumDistance })
            #expect(found == expected, "\(query)")
        }
    }
}
