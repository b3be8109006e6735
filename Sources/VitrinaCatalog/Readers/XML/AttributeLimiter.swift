#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// Caps the number of attributes of each start tag in a stream of XML or HTML bytes before
/// libxml2 parses them.
///
/// libxml2 (2.9) checks each new attribute of a tag against all the earlier ones, so one element
/// with 100,000 attributes costs 5·10⁹ comparisons (a YML offer: 19 s; a page with 200,000: it
/// seems to hang), and nothing in its options bounds that. This scanner counts the attributes of
/// every start tag as the bytes stream past and drops those beyond ``limit``. With
/// ``insertsMarker`` it writes `vtr-excess-attributes="N"` (N: how many were dropped) into the tag,
/// so the reader sees on which element it happened; it always keeps a count and the first
/// ``excessLimit`` elements in ``excess``.
///
/// It knows just enough of the syntax to find tags: comments, CDATA sections, processing
/// instructions, declarations (with an internal subset), quoted and (HTML) unquoted attribute
/// values, attributes without values, and the raw text of HTML `script` and `style`, where libxml2
/// sees no tags either. Bytes are never changed otherwise.
package struct AttributeLimiter {
    /// The syntax of the bytes.
    package enum Dialect: Sendable {
        /// XML: tags only; attribute values are quoted.
        case xml
        /// HTML as libxml2's HTML parser reads it: unquoted values, and `script`/`style` text has no tags.
        case html
    }

    /// An element that had more attributes than the limit.
    package struct Excess: Sendable, Equatable {
        /// The 1-based line of its `<` (counted only for ``Dialect/html``; 0 for XML).
        package var line: Int
        /// The element's name as written (at most 64 bytes of it).
        package var element: String
        /// How many attributes it had.
        package var attributes: Int
    }

    /// The default number of attributes kept per element: far above any real feed or page (a YML
    /// offer has 2–6, an HTML element rarely 20) and low enough that libxml2's quadratic duplicate
    /// check stays cheap (32,640 comparisons).
    package static let defaultLimit = 256
    /// The attribute written into a tag whose attributes were cut (XML only).
    package static let markerName = "vtr-excess-attributes"
    /// How many over-limit elements ``excess`` lists (``excessCount`` counts all).
    package static let excessLimit = 100

    /// Attributes kept per start tag.
    package let limit: Int
    /// The syntax of the bytes.
    package let dialect: Dialect
    /// Whether a tag with dropped attributes gets the ``markerName`` attribute.
    package let insertsMarker: Bool
    /// The first elements over the limit, in order.
    package private(set) var excess: [Excess] = []
    /// How many elements were over the limit.
    package private(set) var excessCount = 0

    private enum State: UInt8 {
        case text, afterLessThan, bang, comment, cdata, instruction, declaration, endTag
        case tagName, inTag, slash, attributeName, afterAttributeName, beforeValue, quotedValue, unquotedValue
        case rawText
    }

    private var state = State.text
    /// Progress through a fixed pattern (`--`, `[CDATA[`, `-->`, `]]>`, `</script`).
    private var matched = 0
    /// The quote that closes the current value or declaration string (0 when none).
    private var quote: UInt8 = 0
    /// Nesting of `[` … `]` in a declaration (a DOCTYPE's internal subset).
    private var brackets = 0
    /// Attributes of the current tag so far.
    private var attributes = 0
    /// The current tag's name (first 64 bytes), and the raw-text element being skipped (HTML).
    private var name: [UInt8] = []
    private var rawTextName: [UInt8] = []
    /// The line of the current tag's `<`, and the current line (HTML only).
    private var tagLine = 0
    private var line = 1
    /// Whether the current tag's bytes are being dropped.
    private var dropping = false

    /// Creates a limiter.
    package init(dialect: Dialect, limit: Int = AttributeLimiter.defaultLimit, insertsMarker: Bool) {
        self.dialect = dialect
        self.limit = max(1, limit)
        self.insertsMarker = insertsMarker
    }

    /// Appends `input` to `output` without the attributes beyond the limit.
    ///
    /// Call it with consecutive chunks of one document: a tag may span chunks.
    package mutating func filter(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), !input.isEmpty else { return }
        let count = input.count
        let tracksLines = dialect == .html
        var copyStart = 0
        var index = 0
        while index < count {
            let byte = base[index]
            switch state {
            case .text:
                // Fast path: jump to the next `<`.
                let rest = count - index
                if tracksLines {
                    var position = index
                    while position < count, base[position] != 0x3C {
                        if base[position] == 0x0A { line += 1 }
                        position += 1
                    }
                    index = position
                } else if let found = memchr(base + index, 0x3C, rest) {
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    index = count
                }
                guard index < count else { continue }
                tagLine = line
                state = .afterLessThan
            case .afterLessThan:
                switch byte {
                case 0x21: state = .bang; matched = 0  // <!
                case 0x3F: state = .instruction; matched = 0  // <?
                case 0x2F: state = .endTag  // </
                case _ where Self.isNameStart(byte):
                    state = .tagName
                    name.removeAll(keepingCapacity: true)
                    name.append(byte)
                    attributes = 0
                default:
                    state = .text
                    continue  // not markup: look at this byte again as text
                }
            case .bang:
                // `<!--` a comment, `<![CDATA[` a section, anything else a declaration.
                let cdata = Self.cdataOpening
                if matched == 0, byte == 0x2D {
                    matched = -1
                } else if matched == -1 {
                    if byte == 0x2D {
                        state = .comment; matched = 0
                    } else {
                        state = .declaration; quote = 0; brackets = 0
                        continue
                    }
                } else if matched >= 0, matched < cdata.count, byte == cdata[matched] {
                    matched += 1
                    if matched == cdata.count { state = .cdata; matched = 0 }
                } else {
                    state = .declaration; quote = 0; brackets = 0
                    continue
                }
            case .comment:
                // Until `-->`.
                if byte == 0x2D {
                    matched = min(matched + 1, 2)
                } else if byte == 0x3E, matched == 2 {
                    state = .text
                } else {
                    matched = 0
                }
                if byte == 0x0A, tracksLines { line += 1 }
            case .cdata:
                // Until `]]>`.
                if byte == 0x5D {
                    matched = min(matched + 1, 2)
                } else if byte == 0x3E, matched == 2 {
                    state = .text
                } else {
                    matched = 0
                }
                if byte == 0x0A, tracksLines { line += 1 }
            case .instruction:
                // Until `?>`.
                if byte == 0x3E, matched == 1 { state = .text }
                matched = byte == 0x3F ? 1 : 0
                if byte == 0x0A, tracksLines { line += 1 }
            case .declaration:
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x5B {
                    brackets += 1
                } else if byte == 0x5D {
                    brackets = max(0, brackets - 1)
                } else if byte == 0x3E, brackets == 0 {
                    state = .text
                }
                if byte == 0x0A, tracksLines { line += 1 }
            case .endTag:
                if byte == 0x3E { state = .text }
                if byte == 0x0A, tracksLines { line += 1 }
            case .tagName:
                if Self.isSpace(byte) || byte == 0x3E || byte == 0x2F {
                    state = .inTag
                    continue
                }
                if name.count < 64 { name.append(byte) }
            case .inTag:
                if Self.isSpace(byte) {
                    if byte == 0x0A, tracksLines { line += 1 }
                } else if byte == 0x3E {
                    endTag(at: index, base: base, copyStart: &copyStart, output: &output, selfClosing: false)
                } else if byte == 0x2F {
                    state = .slash
                } else {
                    startAttribute(at: index, base: base, copyStart: &copyStart, output: &output)
                    state = .attributeName
                }
            case .slash:
                if byte == 0x3E {
                    endTag(at: index, base: base, copyStart: &copyStart, output: &output, selfClosing: true)
                } else {
                    state = .inTag  // a stray `/`: read as space, as HTML does
                    continue
                }
            case .attributeName:
                if Self.isSpace(byte) {
                    state = .afterAttributeName
                    if byte == 0x0A, tracksLines { line += 1 }
                } else if byte == 0x3D {
                    state = .beforeValue
                } else if byte == 0x3E || byte == 0x2F {
                    state = .inTag
                    continue
                }
            case .afterAttributeName:
                if Self.isSpace(byte) {
                    if byte == 0x0A, tracksLines { line += 1 }
                } else if byte == 0x3D {
                    state = .beforeValue
                } else {
                    state = .inTag  // an attribute without a value, then something else
                    continue
                }
            case .beforeValue:
                if Self.isSpace(byte) {
                    if byte == 0x0A, tracksLines { line += 1 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                    state = .quotedValue
                } else if byte == 0x3E {
                    state = .inTag
                    continue
                } else {
                    state = .unquotedValue
                }
            case .quotedValue:
                if !tracksLines, let found = memchr(base + index, Int32(quote), count - index) {
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    state = .inTag
                } else if !tracksLines {
                    index = count
                    continue
                } else if byte == quote {
                    state = .inTag
                } else if byte == 0x0A {
                    line += 1
                }
            case .unquotedValue:
                if Self.isSpace(byte) || byte == 0x3E {
                    state = .inTag
                    continue
                }
            case .rawText:
                // HTML `script`/`style`: until `</name`, case-insensitive.
                if matched == 0 {
                    if byte == 0x3C { matched = 1 }
                } else if matched == 1 {
                    matched = byte == 0x2F ? 2 : (byte == 0x3C ? 1 : 0)
                } else if Self.lower(byte) == rawTextName[matched - 2] {
                    matched += 1
                    if matched - 2 == rawTextName.count {
                        state = .endTag
                        matched = 0
                    }
                } else {
                    matched = byte == 0x3C ? 1 : 0
                }
                if byte == 0x0A { line += 1 }
            }
            index += 1
        }
        if !dropping, copyStart < count {
            output.append(contentsOf: UnsafeBufferPointer(start: base + copyStart, count: count - copyStart))
        }
    }

    /// A new attribute starts at `index`: counted, and dropped from there on when over the limit.
    private mutating func startAttribute(
        at index: Int, base: UnsafePointer<UInt8>, copyStart: inout Int, output: inout [UInt8]
    ) {
        attributes += 1
        guard attributes == limit + 1, !dropping else { return }
        if copyStart < index {
            output.append(contentsOf: UnsafeBufferPointer(start: base + copyStart, count: index - copyStart))
        }
        dropping = true
    }

    /// The tag ends with the `>` at `index`.
    private mutating func endTag(
        at index: Int, base: UnsafePointer<UInt8>, copyStart: inout Int, output: inout [UInt8], selfClosing: Bool
    ) {
        if dropping {
            dropping = false
            if insertsMarker {
                output.append(contentsOf: " \(Self.markerName)=\"\(attributes - limit)\"".utf8)
            }
            if selfClosing { output.append(0x2F) }
            copyStart = index
            excessCount += 1
            if excess.count < Self.excessLimit {
                excess.append(
                    Excess(
                        line: dialect == .html ? tagLine : 0, element: String(decoding: name, as: UTF8.self),
                        attributes: attributes))
            }
        }
        state = .text
        if dialect == .html, !selfClosing {
            let lowered = name.map(Self.lower)
            if lowered == Array("script".utf8) || lowered == Array("style".utf8) {
                rawTextName = lowered
                state = .rawText
                matched = 0
            }
        }
    }

    /// `[CDATA[` after `<!`.
    private static let cdataOpening: [UInt8] = Array("[CDATA[".utf8)

    /// ASCII letters, `_`, `:` and any byte of a multi-byte character (Cyrillic element names).
    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
