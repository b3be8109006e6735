#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the string's (Boyer–Moore–Horspool).
    ///
    /// Foundation's `contains(_:)` goes through `CFStringFind` with Unicode folding per character:
    /// on a page of several megabytes, called for each cue and passage, it took most of the audit's
    /// time (a 1 MB page: 7 s). The audit compares lowercased text with lowercase cues, so plain
    /// byte matching says the same. Horspool skips by the text byte under the needle's end, which
    /// Cyrillic text (every other byte 0xD0 or 0xD1) would defeat in a first-byte scan.
    func includes(_ needle: some StringProtocol) -> Bool {
        var haystack = String(self)
        var needle = String(needle)
        if needle.isEmpty { return true }
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                let count = pattern.count
                guard count <= text.count else { return false }
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { skip in
                    skip.initialize(repeating: count)
                    for index in 0..<(count - 1) { skip[Int(pattern[index])] = count - 1 - index }
                    let last = pattern[count - 1]
                    var position = 0
                    while position <= text.count - count {
                        let byte = text[position + count - 1]
                        if byte == last {
                            var index = count - 2
                            while index >= 0, text[position + index] == pattern[index] { index -= 1 }
                            if index < 0 { return true }
                        }
                        position += skip[Int(byte)]
                    }
                    return false
                }
            }
        }
    }
}
