import Foundation
import VitrinaModel

/// Reads Vitrina's canonical JSONL, one product per line.
///
/// Each line is a ``Product`` in its canonical form (README), or `{"id": "…", "deleted": true}`
/// to delete one. Blank lines are ignored. A line that is not valid JSON or not a valid product is skipped with its line number and the
/// field at fault; reading continues.
public struct JSONLProductReader: CatalogReader {
    private let stream: ByteStream
    private let json = JSONDecoder()
    private var line: [UInt8] = []
    /// Lines that are not UTF-8 are read word by word as Windows-1251 (and reported once at the end).
    private var decoder = MixedEncodingDecoder(preferred: .utf8)
    private var warned = false
    private var ids = DuplicateIDs()

    /// Opens `path`.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be opened.
    public init(path: String) throws {
        stream = try ByteStream(path: path)
        if TextEncoding.byteOrderMarkLength(try stream.peek(3)) > 0 { try stream.skip(3) }
    }

    /// Bytes consumed so far.
    public var bytesRead: Int { stream.bytesRead }

    /// The next product or deletion, a skipped line, or `nil` at the end (after a warning when some
    /// lines were not UTF-8).
    public mutating func next() throws -> CatalogItem? {
        while true {
            let number = stream.line
            guard try stream.readLine(into: &line) else {
                guard !warned, decoder.windows1251Runs > 0 else { return nil }
                warned = true
                return .warning(
                    ImportProblem(
                        .encoding, location: SourceLocation(file: stream.path, line: decoder.firstWindows1251Line),
                        field: "encoding",
                        message: "JSON lines must be UTF-8, but \(decoder.windows1251Runs) words (the first on this "
                            + "line) are Windows-1251; they were read as Windows-1251"))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let location = SourceLocation(file: stream.path, line: number)
            switch line.withUnsafeBufferPointer(ProductJSONScanner.scan) {
            case .product(let product):
                if let duplicate = ids.check(product.id, at: location, field: "id") { return .skipped(duplicate) }
                return RecordCheck.checked(.product(product), location)
            case .deletion(let id):
                ids.forget(id)
                return RecordCheck.checked(.deletion(id: id), location)
            case nil: break  // anything unusual (not UTF-8 too): JSONDecoder decides, and names the problem
            }
            decoder.line = number
            let data = TextEncoding.isValidUTF8(line) ? Data(line) : Data(Array(decoder.decode(line).utf8))
            do {
                if let marker = try? json.decode(DeletionMarker.self, from: data), marker.deleted == true {
                    ids.forget(marker.id)
                    return RecordCheck.checked(.deletion(id: marker.id), location)
                }
                let product = try json.decode(Product.self, from: data)
                if let duplicate = ids.check(product.id, at: location, field: "id") { return .skipped(duplicate) }
                return RecordCheck.checked(.product(product), location)
            } catch let error as DecodingError {
                let (field, message, column) = Self.describe(error, line: Array(data))
                let id = (try? json.decode(DeletionMarker.self, from: data))?.id
                return .skipped(
                    ImportProblem(
                        location: SourceLocation(file: stream.path, line: number, column: column), recordID: id,
                        field: field, message: message))
            }
        }
    }

    /// The field, a short reason and the column (for syntax errors) of a line that is not a product.
    ///
    /// Foundation says only «The given data was not valid JSON» (or `NSCocoaErrorDomain
    /// Code=3840`); a syntax error is described by ``StrictJSON`` instead: what was expected, and
    /// the column.
    package static func describe(_ error: DecodingError, line: [UInt8]) -> (
        field: String?, message: String, column: Int?
    ) {
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                guard let reason = StrictJSON.error(in: line) else { return (nil, "not valid JSON", nil) }
                var message = reason
                var column: Int?
                if let at = reason.range(of: " at line ") {
                    message = String(reason[..<at.lowerBound])
                    if let columnRange = reason.range(of: "column ") {
                        column = Int(reason[columnRange.upperBound...].prefix { $0.isNumber })
                    }
                }
                return (nil, "not valid JSON: \(message)", column)
            }
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (field, "invalid value: \(context.debugDescription)", nil)
        case .keyNotFound(let key, _):
            return (key.stringValue, "missing required field", nil)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return (context.codingPath.map(\.stringValue).joined(separator: "."), "expected \(type)", nil)
        @unknown default:
            return (nil, "cannot be read as a product", nil)
        }
    }
}

/// `{"id": "...", "deleted": true}`, or any object with an id (to name a bad record).
private struct DeletionMarker: Decodable {
    var id: String
    var deleted: Bool?
}
