import Foundation
import VitrinaModel

/// Reads Vitrina's canonical JSONL, one product per line.
///
/// Each line is a ``Product`` in its canonical form (README), or `{"id": "…", "deleted": true}`
/// to delete one. Blank lines are ignored. A line that is not valid JSON or not a valid product is skipped with its line number and the
/// field at fault; reading continues.
public struct JSONLProductReader: CatalogReader {
    private let stream: ByteStream
    private let decoder = JSONDecoder()
    private var line: [UInt8] = []

    /// Opens `path`.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be opened.
    public init(path: String) throws {
        stream = try ByteStream(path: path)
        if TextEncoding.byteOrderMarkLength(try stream.peek(3)) > 0 { try stream.skip(3) }
    }

    /// Bytes consumed so far.
    public var bytesRead: Int { stream.bytesRead }

    /// The next product or deletion, a skipped line, or `nil` at the end.
    public mutating func next() throws -> CatalogItem? {
        while true {
            let number = stream.line
            guard try stream.readLine(into: &line) else { return nil }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let location = SourceLocation(file: stream.path, line: number)
            let data = Data(line)
            do {
                if let marker = try? decoder.decode(DeletionMarker.self, from: data), marker.deleted == true {
                    return .entry(.deletion(id: marker.id), location)
                }
                return .entry(.product(try decoder.decode(Product.self, from: data)), location)
            } catch let error as DecodingError {
                let (field, message) = Self.describe(error)
                let id = (try? decoder.decode(DeletionMarker.self, from: data))?.id
                return .skipped(ImportProblem(location: location, recordID: id, field: field, message: message))
            }
        }
    }

    /// The field and a short reason for a JSON decoding failure.
    static func describe(_ error: DecodingError) -> (field: String?, message: String) {
        switch error {
        case .dataCorrupted(let context):
            let reason = context.underlyingError.map { "\($0)" } ?? context.debugDescription
            return (nil, "not valid JSON (\(reason))")
        case .keyNotFound(let key, _):
            return (key.stringValue, "missing required field")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return (context.codingPath.map(\.stringValue).joined(separator: "."), "expected \(type)")
        @unknown default:
            return (nil, "\(error)")
        }
    }
}

/// `{"id": "...", "deleted": true}`, or any object with an id (to name a bad record).
private struct DeletionMarker: Decodable {
    var id: String
    var deleted: Bool?
}
