import VitrinaIndex
import VitrinaModel

/// Imports mention files into a ``MentionStore`` in one commit: reads them, detects the language,
/// tells the tonality, and adds or replaces each mention by id.
public struct MentionImporter {
    /// What an import did (the `--json` shape of `vitrina mentions import`).
    public struct Report: Codable, Sendable {
        /// Shape version.
        public var version = 1
        /// Files read.
        public var files: [String]
        /// Records read as mentions.
        public var read: Int
        /// Mentions new to the store.
        public var added: Int
        /// Mentions that replaced a stored one with the same id.
        public var updated: Int
        /// Mentions in the store after the commit.
        public var stored: Int
        /// Records skipped (each is in `problems`).
        public var skipped: Int
        /// Fields dropped (each is in `problems`).
        public var warnings: Int
        /// Mentions per tonality label among those read.
        public var tonality: [String: Int]
        /// Every skipped record and dropped field, with its location.
        public var problems: [MentionProblem]
    }

    /// The source of records that say nothing of theirs.
    public var defaultSource: String
    /// The analyzer that labels each mention.
    public var analyzer: TonalityAnalyzer

    /// Creates an importer.
    public init(defaultSource: String = "other", analyzer: TonalityAnalyzer = TonalityAnalyzer()) {
        self.defaultSource = defaultSource
        self.analyzer = analyzer
    }

    /// Imports `files` into the store at `store` and commits.
    ///
    /// - Parameters:
    ///   - files: JSONL, JSON or CSV mention files.
    ///   - store: The store directory (created when missing).
    ///   - strict: Abort before committing anything when a record was skipped.
    /// - Returns: The report.
    /// - Throws: ``MentionsError`` for unreadable files (and in strict mode for skipped records),
    ///   ``VitrinaIndex/IndexError`` for store problems; nothing is committed then.
    public func run(files: [String], store: String, strict: Bool = false) throws -> Report {
        var reader = MentionReader(defaultSource: defaultSource)
        for file in files { try reader.read(path: file) }
        let skipped = reader.problems.filter(\.skipped)
        if strict, let first = skipped.first {
            throw MentionsError(
                .malformed, location: first.location,
                message: "\(first.message) (--strict: nothing imported; \(skipped.count) records skipped in all)")
        }
        let writer = try MentionStore(path: store)
        var counts: [String: Int] = [:]
        var seen = Set<String>()
        for var mention in reader.mentions {
            if mention.language == nil { mention.language = analyzer.detect(mention.text) }
            mention.tonality = analyzer.tonality(of: mention.text, language: mention.language)
            counts[mention.tonality?.label.rawValue ?? "neutral", default: 0] += 1
            seen.insert(mention.id)
            try writer.add(mention)
        }
        let summary = try writer.commit()
        return Report(
            files: files, read: reader.mentions.count, added: summary.added, updated: summary.updated,
            stored: summary.documents, skipped: skipped.count, warnings: reader.problems.count - skipped.count,
            tonality: counts, problems: reader.problems)
    }
}
