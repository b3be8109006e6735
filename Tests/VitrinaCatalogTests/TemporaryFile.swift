import Foundation

/// A file with the given bytes in a fresh temporary directory, removed when the value is released.
final class TemporaryFile {
    let directory: String
    let path: String

    init(_ bytes: [UInt8], name: String = "input") throws {
        directory = NSTemporaryDirectory() + "vitrina-catalog-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    convenience init(_ text: String, name: String = "input") throws {
        try self.init(Array(text.utf8), name: name)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// The `../shared/data` folder beside the repository, when present.
enum SharedData {
    static var directory: String? {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
