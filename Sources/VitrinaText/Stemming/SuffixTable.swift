/// What to do when a suffix of a class matches.
enum SuffixAction: UInt8 {
    /// Remove it.
    case delete
    /// Remove it only when `а` or `я` precedes it inside RV (Snowball's group 1).
    case afterAOrYa
    /// tidy_up: remove `ейш`/`ейше`, then one `н` of a final `нн`.
    case superlative
    /// tidy_up: the final `н` of `нн`.
    case doubleN
    /// tidy_up: a final `ь`.
    case softSign
}

/// A suffix class (a Snowball `among`), bucketed by last letter for a fast longest match.
struct SuffixTable: Sendable {
    /// One suffix of the class.
    struct Entry: Sendable {
        /// The suffix in UTF-16 code units.
        let units: [UInt16]
        /// What to do when it matches.
        let action: SuffixAction
        /// `units.count`.
        var length: Int { units.count }
    }

    /// Entries by last letter (index = code unit − U+0430, covering а…я and ѐ…џ, which holds
    /// the Belarusian ё, і and ў), longest first.
    private let buckets: [[Entry]]

    /// Builds a table from groups of suffixes that share an action.
    init(_ groups: [(SuffixAction, [String])]) {
        var buckets = [[Entry]](repeating: [], count: 48)
        for (action, suffixes) in groups {
            for suffix in suffixes {
                let units = Array(suffix.utf16)
                let last = units.last ?? 0
                precondition(last >= 0x0430 && last < 0x0460, "suffix \(suffix) must end in a Cyrillic letter")
                buckets[Int(last - 0x0430)].append(Entry(units: units, action: action))
            }
        }
        self.buckets = buckets.map { $0.sorted { $0.length > $1.length } }
    }

    /// The longest entry that `word[..<end]` ends with and that starts at or after `floor`.
    @inline(__always)
    func longestMatch(in word: UnsafeMutableBufferPointer<UInt16>, end: Int, floor: Int) -> Entry? {
        guard end > floor else { return nil }
        let last = word[end - 1]
        guard last >= 0x0430, last < 0x0460 else { return nil }
        for entry in buckets[Int(last - 0x0430)] {
            let start = end - entry.length
            guard start >= floor else { continue }
            var matches = true
            var index = entry.length - 2
            while index >= 0 {
                if word[start + index] != entry.units[index] {
                    matches = false
                    break
                }
                index -= 1
            }
            if matches { return entry }
        }
        return nil
    }
}
