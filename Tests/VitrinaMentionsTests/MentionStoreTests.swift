import Foundation
import Testing
import VitrinaIndex

@testable import VitrinaMentions

/// The store: everything a mention has survives a commit; re-importing an id replaces it.
@Suite("Mention store")
struct MentionStoreTests {
    @Test func roundTripAndReplaceByID() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path
        let mention = Mention(
            id: "m1", text: "Чайник течёт", kind: .review, source: "marketplace", url: "https://x/1", author: "Анна",
            followers: 10, date: 1_790_000_000, likes: 1, reposts: 2, comments: 3, rating: 1,
            product: Mention.ProductReference(
                id: "el-1", sku: "S-1", barcode: "460", url: "https://shop/p", title: "Чайник"),
            brand: "Электрон", category: "Чайники", language: .ru,
            tonality: TonalityResult(label: .negative, score: -0.8))
        do {
            let store = try MentionStore(path: path)
            try store.add(mention)
            try store.add(Mention(id: "m2", text: "Спасибо!", source: "vk"))
            #expect(try store.commit().added == 2)
        }
        #expect(try MentionStore.read(path: path).first { $0.id == "m1" } == mention)
        do {
            let store = try MentionStore(path: path)
            var changed = mention
            changed.text = "Чайник течёт, вернула"
            try store.add(changed)
            let summary = try store.commit()
            #expect(summary.updated == 1 && summary.documents == 2)
        }
        let stored = try MentionStore.read(path: path)
        #expect(stored.count == 2 && stored.first { $0.id == "m1" }?.text == "Чайник течёт, вернула")
    }
}
