/// What `vitrina check` found in an index directory (and, with `--repair`, what it did).
///
/// The `--json` shape of `vitrina check` (version 1, documented in README).
public struct IndexCheckReport: Sendable, Codable, Equatable {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Codable {
        /// The current commit cannot be read as committed: readers fail or see wrong data.
        case error
        /// Not in the current commit (an orphan file, a broken older commit point): harmless to
        /// readers, removed by `--repair`.
        case warning
    }

    /// The overall verdict.
    public enum Status: String, Sendable, Codable {
        /// The current commit and every file it needs are consistent.
        case clean
        /// Something the current commit needs is missing, damaged or inconsistent.
        case corrupt
        /// A file could not be read for a reason other than its content (permissions, I/O errors).
        case ioError = "io-error"
    }

    /// One problem.
    public struct Problem: Sendable, Codable, Equatable {
        /// How bad it is.
        public var severity: Severity
        /// A stable code: an ``IndexError/Code`` name, `orphan`, `uncommitted`, `broken-commit` or
        /// `duplicate-id`.
        public var code: String
        /// The file.
        public var path: String
        /// The byte offset in the file, when known.
        public var offset: Int?
        /// What is wrong.
        public var message: String
    }

    /// One commit point found (`manifest.json` or `manifest-<generation>.json`).
    public struct Commit: Sendable, Codable, Equatable {
        /// Its generation (`nil` when the manifest is unreadable).
        public var generation: Int?
        /// The manifest file.
        public var file: String
        /// Whether it and every file it names verified.
        public var consistent: Bool
        /// Its segments.
        public var segments: Int
        /// Its live documents.
        public var documents: Int
    }

    /// One segment file verified.
    public struct Segment: Sendable, Codable, Equatable {
        /// The segment's name.
        public var name: String
        /// Documents in it, deleted ones included (0 when unreadable).
        public var documents: Int
        /// Distinct terms over its text fields.
        public var terms: Int
        /// Its size in bytes.
        public var bytes: Int
        /// Whether it verified.
        public var consistent: Bool
    }

    /// The shape version.
    public var version = 1
    /// The index directory.
    public var index: String
    /// The verdict (after the repair, for `--repair`).
    public var status: Status
    /// The current commit's generation, when `manifest.json` is readable.
    public var generation: Int?
    /// Live documents of the current commit.
    public var documents: Int?
    /// Commit points, newest first.
    public var commits: [Commit]
    /// Segment files verified.
    public var segments: [Segment]
    /// Files named by no commit point (leftovers of interrupted or expired commits).
    public var orphans: [String]
    /// Problems found (before the repair, for `--repair`).
    public var problems: [Problem]
    /// What `--repair` did, in order (empty for a check).
    public var actions: [String]
    /// The folder (inside the index directory) where `--repair` moved what it dropped.
    public var quarantine: String?

    /// The exit status of `vitrina check` for this report: 0 clean, 65 (`EX_DATAERR`) corrupt,
    /// 74 (`EX_IOERR`) I/O.
    public var exitCode: Int32 {
        switch status {
        case .clean: return 0
        case .corrupt: return 65
        case .ioError: return 74
        }
    }
}
