import CVitrinaICU
import Synchronization
import VitrinaModel

/// ICU's rule-based spell-out number format for one language, parsing leniently.
///
/// Parsing tries every public rule set of the locale (all genders and grammatical cases), so
/// `двадцати` and `двадцатью` both give 20. One instance is safe to share: calls are serialized.
///
/// ```swift
/// let ru = try SpellOutFormat(language: .ru)
/// ru.parse("двадцать пять") // 25
/// ```
public final class SpellOutFormat: Sendable {
    /// The ICU handle, only touched while holding the mutex.
    private let handle: Mutex<OpaqueHandle>
    /// The language whose rules this format uses.
    public let language: Language

    /// Opens ICU's spell-out rules for `language` (`ru` or `be`; `other` uses English rules).
    ///
    /// - Throws: ``ICUError`` when ICU has no such rules.
    public init(language: Language) throws {
        let locale: String
        switch language {
        case .ru: locale = "ru"
        case .be: locale = "be"
        case .other: locale = "en"
        }
        var error: Int32 = 0
        guard let pointer = vtr_spellout_open(locale, &error), error <= 0 else {
            throw ICUError(code: error, operation: "open spell-out rules for \(locale)")
        }
        self.language = language
        self.handle = Mutex(OpaqueHandle(pointer: pointer))
    }

    deinit {
        handle.withLock { vtr_spellout_close($0.pointer) }
    }

    /// Parses `text` (one or more number words) as a whole; `nil` when ICU cannot read all of it.
    public func parse(_ text: String) -> Double? {
        var text = text
        return handle.withLock { handle -> Double? in
            text.withUTF8 { bytes -> Double? in
                var value = 0.0
                let ok = vtr_spellout_parse(handle.pointer, bytes.baseAddress, Int64(bytes.count), &value)
                return ok == 1 ? value : nil
            }
        }
    }

    /// Spells `value` out in words with the default rule set, for example `двадцать пять`.
    public func format(_ value: Double) -> String? {
        handle.withLock { handle in
            ICUBridge.transform("") { _, _, destination, capacity, error in
                vtr_spellout_format(handle.pointer, value, destination, capacity, error)
            }
        }
    }
}

/// An ICU handle that moves between tasks only inside a `Mutex`.
///
/// `@unchecked Sendable`: the pointer is only dereferenced by the owner while it holds the lock.
struct OpaqueHandle: @unchecked Sendable {
    /// The C handle.
    let pointer: OpaquePointer
}
