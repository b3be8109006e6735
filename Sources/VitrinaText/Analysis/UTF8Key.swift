/// A string used as a dictionary key, hashed and compared by its UTF-8 bytes.
///
/// `String`'s own hashing normalizes non-ASCII text to NFC first, which dominated indexing of
/// Cyrillic terms in profiles; analyzed terms are already normalized, so bytes are enough.
package struct UTF8Key: Hashable {
    /// The string.
    package let string: String

    /// Wraps `string`.
    package init(_ string: String) { self.string = string }

    /// Hashes the UTF-8 bytes.
    package func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Compares the UTF-8 bytes.
    package static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }
}
