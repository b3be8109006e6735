/// A language of product text or of a spoken query.
///
/// Vitrina analyzes Russian and Belarusian text with language-specific chains; everything else
/// (Latin-script brand and model text, other languages, text too short to tell) is `other`.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
    /// Russian.
    case ru
    /// Belarusian (both the official orthography and taraškievica).
    case be
    /// Any other language, or no language could be told.
    case other
}
