import Foundation
import Testing

@testable import VitrinaIndex

@Suite("Index writing and reading")
struct IndexWriterTests {
    @Test func committedProductsAreFoundAfterReopen() throws {
        let index = TemporaryIndex()
        do {
            let writer = try IndexWriter(path: index.path)
            for product in SampleProducts.all { try writer.add(product) }
            let summary = try writer.commit()
            #expect(summary.added == 5 && summary.documents == 5 && summary.generation == 1)
        }
        let reader = try IndexReader(path: index.path)
        #expect(reader.documentCount == 5)
        #expect(try reader.product(id: "tv-2") == SampleProducts.all[1])
        let result = try reader.search(SearchRequest(text: "телевизоры"))
        #expect(Set(result.hits.map(\.id)) == ["tv-1", "tv-2"])
        #expect(result.total == 2)
    }

    @Test func writerSeesItsOwnUncommittedChanges() throws {
        let index = TemporaryIndex()
        // A 1 MiB buffer and enough products to flush at least one segment before the commit.
        let writer = try IndexWriter(path: index.path, bufferBytes: 1 << 20)
        try writer.add(SampleProducts.all[0])
        try writer.commit()
        var many = (0..<3_000).map {
            Product(id: "p\($0)", title: "Товар \($0)", description: String(repeating: "слово ", count: 60))
        }
        many.append(SampleProducts.all[1])
        for product in many { try writer.add(product) }
        try writer.delete(id: "p7")
        #expect(try writer.product(id: SampleProducts.all[0].id) == SampleProducts.all[0])  // committed
        #expect(try writer.product(id: "p1")?.title == "Товар 1")  // flushed, uncommitted
        #expect(try writer.product(id: SampleProducts.all[1].id) == SampleProducts.all[1])  // in the buffer
        #expect(try writer.product(id: "p7") == nil)  // deleted
        #expect(try writer.product(id: "nothing") == nil)
        var ids: [String] = []
        try writer.forEachID { ids.append($0) }
        #expect(ids.count == 3_001)
        #expect(Set(ids) == Set(many.map(\.id) + [SampleProducts.all[0].id]).subtracting(["p7"]))
    }

    @Test func nothingIsVisibleBeforeCommit() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        try writer.add(SampleProducts.all[0])
        #expect(throws: IndexError.self) { try IndexReader(path: index.path) }
        try writer.commit()
        try writer.add(SampleProducts.all[1])
        let reader = try IndexReader(path: index.path)
        #expect(reader.documentCount == 1)
        try writer.commit()
        #expect(try reader.reopen().documentCount == 2)
        #expect(reader.documentCount == 1)  // the old snapshot is unchanged
    }

    @Test func updatesReplaceAndDeletesRemove() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        for product in SampleProducts.all { try writer.add(product) }
        try writer.commit()
        var changed = SampleProducts.all[0]
        changed.title = "Телевизор Samsung 65 дюймов QLED"
        changed.price = 99_990
        try writer.add(changed)
        #expect(try writer.delete(id: "vc-2"))
        #expect(try !writer.delete(id: "missing"))
        let summary = try writer.commit()
        #expect(summary.updated == 1 && summary.deleted == 1 && summary.documents == 4)
        let reader = try IndexReader(path: index.path)
        #expect(try reader.product(id: "tv-1")?.price == 99_990)
        #expect(try reader.product(id: "vc-2") == nil)
        #expect(try reader.search(SearchRequest(text: "qled")).hits.map(\.id) == ["tv-1"])
        #expect(try reader.search(SearchRequest(text: "dyson")).total == 0)
        #expect(try reader.search(SearchRequest(text: "")).total == 4)
    }

    @Test func anIdAddedTwiceInOneBatchKeepsTheLastVersion() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        try writer.add(Product(id: "x", title: "Чайник"))
        try writer.add(Product(id: "x", title: "Утюг"))
        try writer.commit()
        let reader = try IndexReader(path: index.path)
        #expect(reader.documentCount == 1)
        #expect(try reader.product(id: "x")?.title == "Утюг")
        #expect(try reader.search(SearchRequest(text: "чайник")).total == 0)
    }

    @Test func aSecondWriterIsRefused() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path)
        #expect { try IndexWriter(path: index.path) } throws: { ($0 as? IndexError)?.code == .locked }
        _ = writer
    }

    @Test func anInterruptedCommitLeavesTheLastCommitIntact() throws {
        let index = TemporaryIndex()
        do {
            let writer = try IndexWriter(path: index.path)
            for product in SampleProducts.all.prefix(3) { try writer.add(product) }
            try writer.commit()
        }
        // Fail at each durable write of the next commit in turn: segment, deletions, commit point,
        // temporary manifest.
        for failAt in 0..<4 {
            do {
                let writer = try IndexWriter(path: index.path)
                try writer.add(SampleProducts.all[3])
                try writer.delete(id: "tv-1")
                IndexDirectory.injectFailure(path: index.path, afterWrites: failAt)
                defer { IndexDirectory.injectFailure(path: index.path, afterWrites: nil) }
                #expect(throws: IndexError.self) { try writer.commit() }
            }
            let reader = try IndexReader(path: index.path)
            #expect(reader.generation == 1)
            #expect(Set(try reader.search(SearchRequest(text: "")).hits.map(\.id)) == ["tv-1", "tv-2", "ph-1"])
            #expect(try IndexCheck.check(path: index.path).status == .clean)
        }
        // The next writer cleans up and commits normally.
        let writer = try IndexWriter(path: index.path)
        try writer.add(SampleProducts.all[3])
        try writer.commit()
        #expect(try IndexReader(path: index.path).documentCount == 4)
    }

    @Test func aCorruptSegmentIsAClearError() throws {
        let index = TemporaryIndex()
        do {
            let writer = try IndexWriter(path: index.path)
            for product in SampleProducts.all { try writer.add(product) }
            try writer.commit()
        }
        let file = index.path + "/seg-000001.vseg"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect { try IndexReader(path: index.path) } throws: { error in
            guard let error = error as? IndexError else { return false }
            return error.code == .corrupt && error.path.hasSuffix("seg-000001.vseg")
        }
        try Data("not a segment at all".utf8).write(to: URL(fileURLWithPath: file))
        #expect { try IndexReader(path: index.path) } throws: { ($0 as? IndexError)?.code == .foreignFile }
    }

    @Test func aMissingIndexIsAClearError() {
        #expect { try IndexReader(path: "/nonexistent/vitrina") } throws: { ($0 as? IndexError)?.code == .noIndex }
    }

    @Test func manySmallFlushesKeepEveryDocument() throws {
        let index = TemporaryIndex()
        let writer = try IndexWriter(path: index.path, bufferBytes: 1)  // clamped to 1 MiB
        for number in 0..<3_000 {
            try writer.add(Product(id: "p\(number)", title: "Товар номер \(number) чайник", price: Double(number)))
        }
        let summary = try writer.commit()
        #expect(summary.documents == 3_000)
        let reader = try IndexReader(path: index.path)
        #expect(try reader.search(SearchRequest(text: "чайник")).total == 3_000)
        #expect(
            try reader.search(SearchRequest(text: "", filters: [.range(field: "price", min: 100, max: 199)])).total
                == 100)
    }
}
