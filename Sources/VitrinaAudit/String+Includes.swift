#if canImport(Glibc)
    import Glibc
#endif

extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the string's (`memchr` for the first byte, then `memcmp`).
    ///
    /// Foundation's `contains(_:)` goes through `CFStringFind` with Unicode folding per character:
    /// on a page of several megabytes, called for each cue and passage, it took most of the audit's
    /// time (a 1 MB page: 7 s). The audit compares lowercased text with lowercase cues, so plain
    /// byte matching says the same.
    func includes(_ needle: some StringProtocol) -> Bool {
        var haystack = String(self)
        var needle = String(needle)
        if needle.isEmpty { return true }
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let textBase = text.baseAddress, let patternBase = pattern.baseAddress,
                    pattern.count <= text.count
                else { return false }
                let first = Int32(pattern[0])
                let last = text.count - pattern.count
                var position = 0
                while position <= last {
                    guard let found = memchr(textBase + position, first, last - position + 1) else { return false }
                    let index = textBase.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(textBase + index, patternBase, pattern.count) == 0 { return true }
                    position = index + 1
                }
                return false
            }
        }
    }
}
