import CVitrinaICU
import Synchronization
import VitrinaModel

/// Cyrillic ↔ Latin transliteration through ICU, so `самсунг` can meet `Samsung`.
///
/// ``cyrillicToLatin(_:)`` uses ICU's BGN/PCGN romanizations, which match how brands are usually
/// spelled in Latin; ``searchKey(_:)`` then folds the result to lowercase ASCII for matching.
/// One instance is safe to share between tasks: calls are serialized on the ICU handle.
///
/// ```swift
/// let latin = try Transliterator.cyrillicToLatin(.ru)
/// latin.transliterate("щётка") // "shchëtka"
/// latin.searchKey("Самсунг")   // "samsung"
/// ```
public final class Transliterator: Sendable {
    /// The ICU transform id, such as `Russian-Latin/BGN`.
    public let id: String
    /// The ICU transliterator, only touched while holding the lock.
    private let handle: Mutex<OpaqueHandle>
    /// `Latin-ASCII; Lower`, applied by ``searchKey(_:)``.
    private let asciiFold: Mutex<OpaqueHandle>

    /// Opens the ICU transform `id`.
    ///
    /// - Parameter id: Any ICU transform id or compound id, such as `Russian-Latin/BGN` or
    ///   `Any-Latin; Latin-ASCII`.
    /// - Throws: ``ICUError`` when ICU does not know the id.
    ///
    /// ```swift
    /// let greek = try Transliterator(id: "Greek-Latin")
    /// ```
    public init(id: String) throws {
        let handle = try Self.open(id)
        let fold: OpaqueHandle
        do {
            fold = try Self.open("Latin-ASCII; Lower")
        } catch {
            vtr_transliterator_close(handle.pointer)
            throw error
        }
        self.id = id
        self.handle = Mutex(handle)
        self.asciiFold = Mutex(fold)
    }

    deinit {
        handle.withLock { vtr_transliterator_close($0.pointer) }
        asciiFold.withLock { vtr_transliterator_close($0.pointer) }
    }

    /// Russian or Belarusian Cyrillic to Latin.
    ///
    /// Uses ICU's `Russian-Latin/BGN` or `Belarusian-Latin/BGN` (Belarusian `г` is `h`, `ў` is `w`);
    /// `other`, and any ICU build without the BGN rules, uses the generic `Cyrillic-Latin`.
    ///
    /// - Parameter language: The language of the Cyrillic text.
    /// - Returns: A transliterator from Cyrillic to Latin.
    /// - Throws: ``ICUError`` when ICU has none of these transforms.
    ///
    /// ```swift
    /// try Transliterator.cyrillicToLatin(.be).transliterate("галоўны") // "halowny"
    /// ```
    public static func cyrillicToLatin(_ language: Language) throws -> Transliterator {
        switch language {
        case .ru: return try open(preferred: "Russian-Latin/BGN", fallback: "Cyrillic-Latin")
        case .be: return try open(preferred: "Belarusian-Latin/BGN", fallback: "Cyrillic-Latin")
        case .other: return try Transliterator(id: "Cyrillic-Latin")
        }
    }

    /// Latin to Russian Cyrillic.
    ///
    /// Reads BGN romanizations back first (`shch` → `щ`, `zh` → `ж`, `ya` → `я`: ICU's
    /// `Latin-Russian/BGN`), then spells the letters that romanization never uses (`h`, `x`, `w`)
    /// with ICU's generic `Latin-Cyrillic`; without the BGN rules only the latter is used.
    ///
    /// - Returns: A transliterator from Latin to Cyrillic.
    /// - Throws: ``ICUError`` when ICU has no Latin to Cyrillic transform.
    ///
    /// ```swift
    /// try Transliterator.latinToCyrillic().transliterate("samsung") // "самсунг"
    /// ```
    public static func latinToCyrillic() throws -> Transliterator {
        try open(preferred: "Latin-Russian/BGN; Latin-Cyrillic", fallback: "Latin-Cyrillic")
    }

    /// Transliterates `text`.
    ///
    /// - Parameter text: Any text; characters the transform does not cover are kept.
    /// - Returns: The transliterated text, or `text` unchanged when ICU fails.
    ///
    /// ```swift
    /// try Transliterator.cyrillicToLatin(.ru).transliterate("Филипс") // "Filips"
    /// ```
    public func transliterate(_ text: String) -> String {
        Self.run(handle, text) ?? text
    }

    /// A lowercase ASCII key for matching names across scripts.
    ///
    /// The transliteration, folded by ICU's `Latin-ASCII` (`ë` → `e`), lowercased, with the
    /// romanization's apostrophes and primes removed (`ʹ` of `ь`, `ʺ` of `ъ`, `'`).
    ///
    /// - Parameter text: Any text.
    /// - Returns: The key; Latin text only loses its diacritics and case.
    ///
    /// ```swift
    /// let latin = try Transliterator.cyrillicToLatin(.ru)
    /// latin.searchKey("самсунг") // "samsung"
    /// latin.searchKey("щётка")   // "shchetka"
    /// latin.searchKey("мышь")    // "mysh"
    /// ```
    public func searchKey(_ text: String) -> String {
        if text.isEmpty { return text }
        // The primes go first: Latin-ASCII would turn `ʺ` into a double quote.
        var latin = ""
        latin.unicodeScalars.append(
            contentsOf: transliterate(text).unicodeScalars.lazy.filter { $0 != "\u{02B9}" && $0 != "\u{02BA}" })
        let folded = Self.run(asciiFold, latin) ?? latin.lowercased()
        var key = ""
        key.unicodeScalars.append(contentsOf: folded.unicodeScalars.lazy.filter { $0 != "'" })
        return key
    }

    /// The longest piece of text (in Unicode scalars) handed to ICU at once, give or take a word.
    ///
    /// ICU transliterates in place and shifts the rest of the text whenever a replacement is
    /// longer (`ж` → `zh`), so one call over a long text takes quadratic time.
    static let pieceLength = 1024

    /// Runs the transliterator in `handle` over `text`, piece by piece; nil when ICU fails.
    private static func run(_ handle: borrowing Mutex<OpaqueHandle>, _ text: String) -> String? {
        if text.isEmpty { return text }
        return handle.withLock { handle -> String? in
            var result = ""
            for piece in pieces(of: text) {
                guard
                    let converted = ICUBridge.transform(
                        piece, { vtr_transliterate(handle.pointer, $0, $1, $2, $3, $4) })
                else { return nil }
                result += converted
            }
            return result
        }
    }

    /// `text` cut into pieces of about ``pieceLength`` scalars, each ending after a scalar that is
    /// not a letter when one comes within 256 more scalars (rules that look at the neighbouring
    /// letters, such as `е` at the start of a word, then see whole words).
    static func pieces(of text: String) -> [String] {
        let scalars = text.unicodeScalars
        var pieces: [String] = []
        var start = scalars.startIndex
        var index = start
        var count = 0
        while index != scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            count += 1
            if count >= pieceLength && (!scalar.properties.isAlphabetic || count >= pieceLength + 256) {
                pieces.append(String(scalars[start..<index]))
                start = index
                count = 0
            }
        }
        if start != scalars.endIndex { pieces.append(String(scalars[start..<scalars.endIndex])) }
        return pieces
    }

    /// Opens `preferred`, or `fallback` when ICU lacks `preferred`.
    private static func open(preferred: String, fallback: String) throws -> Transliterator {
        do {
            return try Transliterator(id: preferred)
        } catch {
            return try Transliterator(id: fallback)
        }
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
