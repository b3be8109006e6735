import CVitrinaICU
import Synchronization

/// Cyrillic ↔ Latin transliteration through ICU, so `самсунг` can meet `Samsung`.
///
/// One instance is safe to share: calls are serialized on the ICU handle.
///
/// ```swift
/// let latin = try Transliterator.cyrillicToLatin(.ru)
/// latin.searchKey("Самсунг") // "samsung"
/// ```
public final class Transliterator: Sendable {
    /// The ICU transform id, such as `Russian-Latin/BGN`.
    public let id: String
    private let handle: Mutex<OpaqueHandle>
    /// The ASCII folding applied by ``searchKey(_:)`` (nil when this transliterator already ends
    /// in ASCII).
    private let asciiFold: Mutex<OpaqueHandle>?

    /// Opens the ICU transform `id` (any ICU id or compound id, such as `Any-Latin; Latin-ASCII`).
    ///
    /// - Throws: ``ICUError`` when ICU does not know the id.
    public init(id: String) throws {
        self.id = id
        self.handle = Mutex(try Self.open(id))
        self.asciiFold = Mutex(try Self.open("Latin-ASCII; Lower"))
    }

    deinit {
        handle.withLock { vtr_transliterator_close($0.pointer) }
        asciiFold?.withLock { vtr_transliterator_close($0.pointer) }
    }

    /// Russian or Belarusian Cyrillic to Latin (ICU's BGN/PCGN romanizations, which match how
    /// brands are usually spelled: `самсунг` → `samsung`; Belarusian `г` → `h`); other
    /// languages use ICU's generic `Cyrillic-Latin`.
    public static func cyrillicToLatin(_ language: Language) throws -> Transliterator {
        switch language {
        case .ru: return try Transliterator(id: "Russian-Latin/BGN")
        case .be: return try Transliterator(id: "Belarusian-Latin/BGN")
        case .other: return try Transliterator(id: "Cyrillic-Latin")
        }
    }

    /// Latin to Cyrillic (`samsung` → `самсунг`).
    public static func latinToCyrillic() throws -> Transliterator {
        try Transliterator(id: "Latin-Cyrillic")
    }

    /// Transliterates `text`; text ICU cannot convert is returned unchanged.
    public func transliterate(_ text: String) -> String {
        handle.withLock { handle in
            ICUBridge.transform(text) { vtr_transliterate(handle.pointer, $0, $1, $2, $3, $4) } ?? text
        }
    }

    /// A lowercase ASCII key for matching brand names across scripts: the transliteration with
    /// diacritics and apostrophes of the romanization removed (`щётка` → `shchetka`).
    public func searchKey(_ text: String) -> String {
        let latin = transliterate(text)
        let folded =
            asciiFold?.withLock { handle in
                ICUBridge.transform(latin) { vtr_transliterate(handle.pointer, $0, $1, $2, $3, $4) }
            } ?? latin
        return String(
            folded.unicodeScalars.filter { $0 != "'" && $0 != "\u{02B9}" && $0 != "\u{02BA}" }
                .map(Character.init))
    }

    /// Opens an ICU transliterator.
    private static func open(_ id: String) throws -> OpaqueHandle {
        var error: Int32 = 0
        guard let pointer = vtr_transliterator_open(id, 0, &error), error <= 0 else {
            throw ICUError(code: error, operation: "open transliterator \(id)")
        }
        return OpaqueHandle(pointer: pointer)
    }
}
