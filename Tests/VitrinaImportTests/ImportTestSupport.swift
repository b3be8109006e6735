import Foundation
import VitrinaCatalog

@testable import VitrinaImport

/// A reader over a fixed list of items (a test double for the file readers).
struct ListReader: CatalogReader {
    var items: [CatalogItem]
    var bytesRead = 0

    init(_ items: [CatalogItem]) { self.items = items }

    mutating func next() throws -> CatalogItem? {
        guard !items.isEmpty else { return nil }
        bytesRead += 10
        return items.removeFirst()
    }
}

/// A fresh temporary index directory, removed when the value is released.
final class TemporaryDirectory {
    let path = NSTemporaryDirectory() + "vitrina-import-test-" + UUID().uuidString

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension CatalogImporter {
    /// Imports `items` as if read from a file called `name`.
    func importList(_ items: [CatalogItem], name: String = "list", format: CatalogFormat = .jsonl) throws {
        var reader = ListReader(items)
        try importItems(from: &reader, path: name, format: format, progress: nil)
    }
}

/// A location in the imaginary input file.
func at(_ line: Int, _ file: String = "list") -> SourceLocation { SourceLocation(file: file, line: line) }
