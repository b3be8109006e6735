import Foundation
import VitrinaIndex
import VitrinaModel

/// Seed segments for the `segment` target: small indexes written by the real writer.
enum SegmentSeeds {
    /// Writes a few segment files (1, 3 and 12 products, ru and be, every kind of field) into `folder`.
    static func write(to folder: String) {
        let index = folder + "/index"
        for (round, count) in [1, 3, 12].enumerated() {
            do {
                let writer = try IndexWriter(path: index)
                for number in 0..<count {
                    try writer.add(
                        Product(
                            id: "p\(round)-\(number)",
                            title: number % 2 == 0 ? "Телевизор Samsung 55\" 4K" : "Чайнік Атлант",
                            vendor: number % 2 == 0 ? "Samsung" : "Атлант", vendorCode: "V-\(number)",
                            barcode: "46\(number)", categoryPath: ["Электроника", "Телевизоры"],
                            description: "Тихий и быстрый, доставка по Минску",
                            parameters: [.init(name: "Цвет", value: "чёрный")],
                            price: Double(100 * (number + 1)), oldPrice: 990, currency: "RUB",
                            available: number % 3 != 0,
                            rating: 4.5, reviewCount: number, reviews: ["Хороший"],
                            language: number % 2 == 0 ? .ru : .be))
                }
                _ = try writer.commit()
            } catch {
                complain("cannot write seed segments: \(error)")
                exit(1)
            }
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: index)) ?? []
        for file in files where file.hasSuffix(".vseg") {
            try? FileManager.default.copyItem(atPath: index + "/" + file, toPath: folder + "/" + file)
        }
        try? FileManager.default.removeItem(atPath: index)
    }
}
