/// Stable 64-bit hashes of model features (FNV-1a; Swift's `Hasher` is seeded per process).
///
/// A feature is a kind letter and one or two stems: `u:стем` (a word), `n:стем` (a word in a
/// negation scope), `b:стем|стем` (two words in a row), `x:name` (a lexicon feature).
enum FeatureHash {
    /// FNV-1a of `text`'s UTF-8 bytes.
    @inline(__always)
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// A feature of `kind` over one stem hash.
    @inline(__always)
    static func unary(_ kind: UInt8, _ stem: UInt64) -> UInt64 {
        mix(stem &+ UInt64(kind) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// A bigram feature over two stem hashes.
    @inline(__always)
    static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first &* 0x0000_0100_0000_01B3 ^ mix(second) &+ 0x62)
    }

    /// The hash of a feature written as in a model file (`u:стем`, `b:a|b`, `x:pos`); `nil` for
    /// another shape.
    static func of(feature: String) -> UInt64? {
        guard feature.utf8.count > 2, let kind = feature.utf8.first, feature.utf8.dropFirst().first == UInt8(ascii: ":")
        else { return nil }
        let body = String(feature.dropFirst(2))
        switch kind {
        case UInt8(ascii: "b"):
            let parts = body.split(separator: "|", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return pair(of(String(parts[0])), of(String(parts[1])))
        case UInt8(ascii: "u"), UInt8(ascii: "n"), UInt8(ascii: "x"): return unary(kind, of(body))
        default: return nil
        }
    }

    /// A finalizer (splitmix64) so nearby inputs spread.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
