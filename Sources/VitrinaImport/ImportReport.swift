import VitrinaCatalog

/// What an import did: counts per kind of record, what was skipped and why, and the commit.
///
/// This is the `--json` shape of `vitrina index` (version 3; documented in README). Version 3
/// added `warnings`, `warningRecords` and `duplicateIDs`.
public struct ImportReport: Sendable, Codable, Equatable {
    /// One input file.
    public struct File: Sendable, Codable, Equatable {
        /// The path as given.
        public var path: String
        /// The detected (or given) format.
        public var format: CatalogFormat
        /// Records read, skipped ones included.
        public var records: Int
        /// Bytes read.
        public var bytes: Int
    }

    /// A record the import could not use, with where it is.
    public struct Listed: Sendable, Codable, Equatable {
        /// `file:line[:column]`.
        public var location: String
        /// The record's id or the product reference, when known.
        public var id: String?
        /// The field, when there is one.
        public var field: String?
        /// Why.
        public var reason: String
        /// The stable code of the problem (`invalid-record`, `duplicate-id`, `limit`, `encoding`, …;
        /// ``ImportProblem/Code``); absent for unresolved ids and reviews.
        public var code: String?
    }

    /// The report's shape version.
    public var version = 3
    /// The files, in order.
    public var files: [File] = []
    /// Records read in all files.
    public var records = 0
    /// Products new to the index.
    public var added = 0
    /// Products replaced (full records of ids already present, price/stock updates, review attachment).
    public var updated = 0
    /// Products deleted (deletion records, and with `--full` products absent from the feed).
    public var deleted = 0
    /// Of ``deleted``: products deleted because `--full` did not find them in the feed.
    public var deletedAsAbsent = 0
    /// Price/stock-only records applied to products in the index.
    public var offersUpdated = 0
    /// Price/stock-only records and deletions naming ids the index does not have.
    public var unknownIDs = 0
    /// Reviews and posts attached to products.
    public var socialAttached = 0
    /// Products that received reviews or posts.
    public var productsWithSocial = 0
    /// Reviews and posts whose product could not be found.
    public var socialUnresolved = 0
    /// Records skipped as invalid.
    public var skipped = 0
    /// The first skipped records with their reasons.
    public var skippedRecords: [Listed] = []
    /// The first unknown ids and unresolved reviews.
    public var unresolved: [Listed] = []
    /// Of ``skipped``: records whose id an earlier record of the same file had.
    public var duplicateIDs = 0
    /// Warnings: things read but worth a word (a file mixing encodings, a declared encoding the
    /// bytes contradict); nothing was skipped for them.
    public var warnings = 0
    /// The first warnings.
    public var warningRecords: [Listed] = []
    /// Live products after the commit.
    public var documents = 0
    /// Segments after the commit.
    public var segments = 0
    /// Bytes read from all files.
    public var bytes = 0
    /// Wall time of the whole import, commit included.
    public var seconds = 0.0

    /// Records per second over the whole import.
    public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }

    /// Creates an empty report.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case version, files, records, added, updated, deleted, deletedAsAbsent, offersUpdated, unknownIDs
        case socialAttached, productsWithSocial, socialUnresolved, skipped, skippedRecords, unresolved
        case duplicateIDs, warnings, warningRecords
        case documents, segments, bytes, seconds, recordsPerSecond
    }

    /// Decodes a report (the derived `recordsPerSecond` is ignored).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        files = try container.decode([File].self, forKey: .files)
        records = try container.decode(Int.self, forKey: .records)
        added = try container.decode(Int.self, forKey: .added)
        updated = try container.decode(Int.self, forKey: .updated)
        deleted = try container.decode(Int.self, forKey: .deleted)
        deletedAsAbsent = try container.decode(Int.self, forKey: .deletedAsAbsent)
        offersUpdated = try container.decode(Int.self, forKey: .offersUpdated)
        unknownIDs = try container.decode(Int.self, forKey: .unknownIDs)
        socialAttached = try container.decode(Int.self, forKey: .socialAttached)
        productsWithSocial = try container.decode(Int.self, forKey: .productsWithSocial)
        socialUnresolved = try container.decode(Int.self, forKey: .socialUnresolved)
        skipped = try container.decode(Int.self, forKey: .skipped)
        skippedRecords = try container.decode([Listed].self, forKey: .skippedRecords)
        unresolved = try container.decode([Listed].self, forKey: .unresolved)
        duplicateIDs = try container.decodeIfPresent(Int.self, forKey: .duplicateIDs) ?? 0
        warnings = try container.decodeIfPresent(Int.self, forKey: .warnings) ?? 0
        warningRecords = try container.decodeIfPresent([Listed].self, forKey: .warningRecords) ?? []
        documents = try container.decode(Int.self, forKey: .documents)
        segments = try container.decode(Int.self, forKey: .segments)
        bytes = try container.decode(Int.self, forKey: .bytes)
        seconds = try container.decode(Double.self, forKey: .seconds)
    }

    /// Encodes the report with its derived throughput.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(files, forKey: .files)
        try container.encode(records, forKey: .records)
        try container.encode(added, forKey: .added)
        try container.encode(updated, forKey: .updated)
        try container.encode(deleted, forKey: .deleted)
        try container.encode(deletedAsAbsent, forKey: .deletedAsAbsent)
        try container.encode(offersUpdated, forKey: .offersUpdated)
        try container.encode(unknownIDs, forKey: .unknownIDs)
        try container.encode(socialAttached, forKey: .socialAttached)
        try container.encode(productsWithSocial, forKey: .productsWithSocial)
        try container.encode(socialUnresolved, forKey: .socialUnresolved)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(skippedRecords, forKey: .skippedRecords)
        try container.encode(unresolved, forKey: .unresolved)
        try container.encode(duplicateIDs, forKey: .duplicateIDs)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(warningRecords, forKey: .warningRecords)
        try container.encode(documents, forKey: .documents)
        try container.encode(segments, forKey: .segments)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(recordsPerSecond, forKey: .recordsPerSecond)
    }
}
