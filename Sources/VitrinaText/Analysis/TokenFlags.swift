/// Marks on a token that change how later filters treat it.
public struct TokenFlags: OptionSet, Sendable, Hashable, Codable {
    /// The raw bit set.
    public let rawValue: UInt8

    /// Creates flags from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The stemmer leaves this token alone (brands, model codes and their parts), as Lucene's
    /// `KeywordAttribute`.
    public static let keyword = TokenFlags(rawValue: 1 << 0)
    /// The whole of a hyphenated compound or a model code; its parts follow it.
    public static let compound = TokenFlags(rawValue: 1 << 1)
    /// A part of the compound emitted just before it.
    public static let part = TokenFlags(rawValue: 1 << 2)

    /// Names of the set flags, for display and JSON.
    public var names: [String] {
        var names: [String] = []
        if contains(.keyword) { names.append("keyword") }
        if contains(.compound) { names.append("compound") }
        if contains(.part) { names.append("part") }
        return names
    }
}
