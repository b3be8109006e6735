import Synchronization

/// The typo corrections of query words found in one snapshot, kept for later queries.
///
/// A word the catalog lacks («алиса», «окей») is corrected by walking every field's dictionary in
/// every segment; the answer depends only on those immutable dictionaries, so an ``IndexReader``
/// keeps it. Voice texts repeat such words (wake words, intents), and a repeated word then costs a
/// dictionary lookup instead of a walk. At most ``capacity`` entries are kept; when full, the
/// cache starts over.
final class TypoCorrections: Sendable {
    private struct Key: Hashable {
        var field: Int
        /// UTF-8 bytes: hashing a `String` normalizes it (NFC).
        var term: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(field)
            term.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The most (field, word) entries kept.
    static let capacity = 8_192

    private let entries = Mutex<[Key: [ExpandedTerm]]>([:])

    /// The corrections of `term` in `field`: kept ones, else those `find` gives (then kept).
    func corrections(field: Int, term: String, find: () throws -> [ExpandedTerm]) rethrows -> [ExpandedTerm] {
        let key = Key(field: field, term: Array(term.utf8))
        if let known = entries.withLock({ $0[key] }) { return known }
        let found = try find()
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = found
        }
        return found
    }

    /// The number of entries kept (for tests).
    var count: Int { entries.withLock { $0.count } }
}
