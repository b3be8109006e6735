/// Dictionary entries looked up while one query runs, so each (segment, field, term) is read
/// from its term dictionary once: typo checks, IDF, cursors and the proximity bonus all need them.
final class TermCache {
    private struct Key: Hashable {
        var segment: Int
        var field: Int
        /// UTF-8 bytes: hashing a `String` normalizes it (NFC), which showed in profiles.
        var term: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(segment &* 4_096 &+ field)
            // One call for all bytes (an array hashes element by element).
            term.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let segments: [IndexReader.Segment]
    private var entries: [Key: TermInfo?] = [:]

    init(segments: [IndexReader.Segment]) {
        self.segments = segments
    }

    /// The entry of `term` in `field` of segment number `segment`, if present.
    func info(segment: Int, field: Int, term: String) throws -> TermInfo? {
        let key = Key(segment: segment, field: field, term: Array(term.utf8))
        if let known = entries[key] { return known }
        let found = try segments[segment].reader.termInfo(field: field, term: key.term)
        entries[key] = found
        return found
    }
}
