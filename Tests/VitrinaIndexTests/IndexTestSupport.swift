import Foundation

@testable import VitrinaIndex

/// A fresh temporary directory for one test, removed when the value is released.
final class TemporaryIndex {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "vitrina-test-" + UUID().uuidString
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

extension TemporaryIndex {
    /// Indexes `products` in one commit and opens a reader on it.
    func committed(_ products: [Product]) throws -> IndexReader {
        let writer = try IndexWriter(path: path)
        for product in products { try writer.add(product) }
        try writer.commit()
        return try IndexReader(path: path)
    }
}

/// Small Russian products for tests.
enum SampleProducts {
    static let all: [Product] = [
        Product(
            id: "tv-1", title: "Телевизор Samsung 55 дюймов", vendor: "Samsung",
            categoryPath: ["Электроника", "Телевизоры"],
            description: "Большой телевизор с ярким экраном", price: 42_990, currency: "RUB", available: true),
        Product(
            id: "tv-2", title: "Телевизор Xiaomi 43", vendor: "Xiaomi", categoryPath: ["Электроника", "Телевизоры"],
            description: "Недорогой телевизор для кухни", price: 24_990, currency: "RUB", available: true),
        Product(
            id: "ph-1", title: "Смартфон Samsung Galaxy S24", vendor: "Samsung",
            categoryPath: ["Электроника", "Смартфоны"],
            description: "Смартфон с хорошей камерой", price: 79_990, currency: "RUB", available: false),
        Product(
            id: "vc-1", title: "Робот-пылесос Xiaomi S10", vendor: "Xiaomi", categoryPath: ["Дом", "Пылесосы"],
            description: "Пылесос с влажной уборкой", price: 21_990, currency: "RUB", available: true),
        Product(
            id: "vc-2", title: "Пылесос Dyson V15", vendor: "Dyson", categoryPath: ["Дом", "Пылесосы"],
            description: "Беспроводной пылесос", price: 69_990, currency: "RUB", available: true),
    ]
}
