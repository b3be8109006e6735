import Foundation

/// A bad record that was skipped.
struct SkippedRecord: Encodable {
    var file: String
    var line: Int
    var reason: String
}

/// The `--json` shape of `vitrina index` (version 1; documented in README).
struct IndexSummary: Encodable {
    var version = 1
    var records = 0
    var added = 0
    var updated = 0
    var deleted = 0
    /// Deletions of ids the index did not have.
    var notFound = 0
    var skipped = 0
    /// The first 20 skipped records.
    var skippedRecords: [SkippedRecord] = []
    /// Live documents after the commit.
    var documents = 0
    var segments = 0
    var bytes = 0
    var seconds = 0.0
    var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }

    enum CodingKeys: String, CodingKey {
        case version, records, added, updated, deleted, notFound, skipped, skippedRecords, documents, segments, bytes
        case seconds, recordsPerSecond
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(records, forKey: .records)
        try container.encode(added, forKey: .added)
        try container.encode(updated, forKey: .updated)
        try container.encode(deleted, forKey: .deleted)
        try container.encode(notFound, forKey: .notFound)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(skippedRecords, forKey: .skippedRecords)
        try container.encode(documents, forKey: .documents)
        try container.encode(segments, forKey: .segments)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(recordsPerSecond, forKey: .recordsPerSecond)
    }

    mutating func skip(_ record: SkippedRecord) {
        skipped += 1
        if skippedRecords.count < 20 { skippedRecords.append(record) }
    }

    func text() -> String {
        var lines = [
            "records: \(records)  added: \(added)  updated: \(updated)  deleted: \(deleted)  skipped: \(skipped)"
                + (notFound > 0 ? "  delete of unknown id: \(notFound)" : ""),
            "index: \(documents) documents in \(segments) segments",
            "time: \(String(format: "%.2f", seconds)) s, \(Int(recordsPerSecond)) records/s, "
                + "\(String(format: "%.1f", Double(bytes) / 1e6 / max(seconds, 1e-9))) MB/s",
        ]
        for record in skippedRecords { lines.append("skipped \(record.file):\(record.line): \(record.reason)") }
        if skipped > skippedRecords.count { lines.append("… and \(skipped - skippedRecords.count) more") }
        return lines.joined(separator: "\n")
    }
}
