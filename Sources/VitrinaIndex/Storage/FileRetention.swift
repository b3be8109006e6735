/// How long the files of a replaced commit stay on disk: the rule that lets readers in other
/// processes open a commit while a writer replaces it.
///
/// A reader opens `manifest.json`, then the segment and deletion files it names. Once opened
/// (memory-mapped or read), deleting a file no longer matters to it; the danger is the moment in
/// between. So, like Lucene's deletion policies, the writer keeps each commit point
/// (`manifest-<generation>.json`) and every file it names while any of these holds:
/// - it is one of the newest ``commits`` generations (the current commit included);
/// - the commit that replaced it is younger than ``seconds``;
/// - an ``IndexReader`` of this process has it open or is opening it (reference-counted
///   snapshots: these are never deleted, however long they stay open).
///
/// A file named by no kept commit point is deleted at the next commit (or when a writer opens).
/// A reader in another process that is slower than ``seconds`` between reading `manifest.json`
/// and opening its files sees a missing file, reads `manifest.json` again and, when a newer
/// commit replaced its own, opens that one instead (a few times at most).
public struct FileRetention: Sendable, Equatable {
    /// The newest commit generations whose files are always kept (at least 1: the current commit).
    public var commits: Int
    /// Seconds a replaced commit point (and its files) is kept after the commit that replaced it.
    public var seconds: Double

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - commits: The newest generations kept whatever their age (clamped to at least 1).
    ///   - seconds: How long a replaced commit stays readable (clamped to at least 0).
    public init(commits: Int = 2, seconds: Double = 60) {
        self.commits = max(1, commits)
        self.seconds = max(0, seconds)
    }
}
