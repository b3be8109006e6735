import Foundation
import Synchronization
import VitrinaIndex
import VitrinaModel

/// `POST /products`: NDJSON upserts and deletes through one writer, one commit per request.
///
/// A line is a product in its canonical JSON form (`vitrina export`'s), which replaces any product
/// with the same id, or `{"delete":"ID"}`. Every line is checked before anything is written; one bad
/// line and nothing is committed, and the answer lists each line's fate. Requests are serialized:
/// the index has one writer.
final class ProductWrites: Sendable {
    private let store: SnapshotStore
    private let lock = Mutex<Void>(())

    init(store: SnapshotStore) {
        self.store = store
    }

    /// One decoded line.
    enum Operation {
        case upsert(Product)
        case delete(String)
    }

    /// Applies `body`'s lines and commits; the answer and its status (200 when every line was
    /// applied, 400 when a line was bad and nothing was written).
    func apply(_ body: [UInt8]) throws -> (WriteResponse, Bool) {
        var lines: [WriteResponse.Line] = []
        var operations: [(line: Int, operation: Operation)] = []
        var failed = 0
        for (index, slice) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let bytes = Array(slice.last == UInt8(ascii: "\r") ? slice.dropLast() : slice[...])
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let number = index + 1
            do {
                let operation = try Self.decode(bytes)
                operations.append((number, operation))
                lines.append(.init(line: number, id: Self.id(of: operation), status: "ok", error: nil))
            } catch let error as APIError {
                failed += 1
                lines.append(
                    .init(
                        line: number, id: nil, status: "error", error: .init(code: error.code, message: error.message)))
            }
        }
        guard !lines.isEmpty else {
            throw APIError.badRequest("expected NDJSON lines: products or {\"delete\":\"ID\"}")
        }
        if failed > 0 {
            for index in lines.indices where lines[index].status == "ok" { lines[index].status = "not_applied" }
            return (
                WriteResponse(generation: nil, added: 0, updated: 0, deleted: 0, failed: failed, lines: lines), false
            )
        }
        let summary = try lock.withLock { _ -> IndexWriter.CommitSummary in
            let writer: IndexWriter
            do {
                writer = try IndexWriter(path: store.path)
            } catch let error as IndexError where error.code == .locked {
                throw APIError.conflict("another writer holds the index (\(error.message)); try again")
            }
            var deletions: [Int: Bool] = [:]
            for (line, operation) in operations {
                switch operation {
                case .upsert(let product): try writer.add(product)
                case .delete(let id): deletions[line] = try writer.delete(id: id)
                }
            }
            let summary = try writer.commit()
            for index in lines.indices where deletions[lines[index].line] == false { lines[index].status = "not_found" }
            return summary
        }
        try store.reload()
        return (
            WriteResponse(
                generation: summary.generation, added: summary.added, updated: summary.updated,
                deleted: summary.deleted, failed: 0, lines: lines),
            true
        )
    }

    private static func id(of operation: Operation) -> String {
        switch operation {
        case .upsert(let product): product.id
        case .delete(let id): id
        }
    }

    /// Decodes one line.
    static func decode(_ bytes: [UInt8]) throws -> Operation {
        let json = try JSON.parse(bytes)
        guard let object = json.object else { throw APIError.badRequest("expected a JSON object") }
        if let target = object["delete"] {
            guard object.count == 1, case .string(let id) = target, !id.isEmpty else {
                throw APIError.badRequest("a delete line is {\"delete\":\"ID\"} with a non-empty id and nothing else")
            }
            return .delete(id)
        }
        let product: Product
        do {
            product = try JSONDecoder().decode(Product.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw APIError.badRequest("not a product: \(JSON.describe(error))")
        }
        guard !product.id.isEmpty else { throw APIError.badRequest("a product needs a non-empty id") }
        return .upsert(product)
    }
}
