#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// Plain text from an HTML fragment, as feeds put it in descriptions (often inside CDATA).
///
/// Tags are dropped; block tags and `<br>` become line breaks and table cells a space, so
/// paragraphs stay on their own lines. `<script>` and `<style>` contents and comments are
/// dropped, character references (`&nbsp;`, `&laquo;`, `&#8212;`, `&#x2014;`, and the
/// Windows-1252 numbers `&#150;`/`&#151;` old editors write) are decoded, and runs of spaces
/// are collapsed. When the fragment has markup, line breaks in the source are spaces (as a
/// browser shows them); plain text keeps its lines (text with neither `<` nor `&` comes back
/// unchanged). Broken markup never fails: a `<` that
/// starts no tag is kept as text, an unclosed comment or script hides the rest, as in a
/// browser. Linear in the input's length whatever it holds.
enum HTMLText {
    /// True when `text` has a `<` or an `&` (memchr over its bytes: the generic search went byte
    /// by byte through a closure, 3% of a YML import).
    private static func mayHaveMarkup(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x3C, bytes.count) != nil || memchr(base, 0x26, bytes.count) != nil
        }
    }

    /// The text of `html`.
    static func plainText(_ html: String) -> String {
        guard mayHaveMarkup(html) else { return html }
        let hasMarkup = containsTag(html)
        var output = ""
        var index = html.startIndex
        var skipping: String?  // inside <script> or <style>
        var close: String.Index?  // the next ">" at or after `index`, once searched
        var noMoreClose = false
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                if html[index...].hasPrefix("<!--") {
                    let body = html.index(index, offsetBy: 4)
                    guard let end = html[body...].firstRange(of: "-->") else { break }
                    index = end.upperBound
                    continue
                }
                if let found = close, found > index {
                    // still ahead of us
                } else if !noMoreClose {
                    close = html[index...].firstIndex(of: ">")
                    noMoreClose = close == nil
                } else {
                    close = nil
                }
                if let end = close, end > index {
                    let tag = html[html.index(after: index)..<end]
                    let closing = tag.hasPrefix("/")
                    let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                    let isTag =
                        (!name.isEmpty && tag.first.map { $0 == "/" || $0.isLetter } == true)
                        || tag.hasPrefix("!") || tag.hasPrefix("?")
                    if isTag {
                        if let skipped = skipping {
                            if closing && name == skipped { skipping = nil }
                        } else {
                            if name == "script" || name == "style", !closing, !tag.hasSuffix("/") { skipping = name }
                            if blockTags.contains(name) {
                                output += "\n"
                            } else if cellTags.contains(name) {
                                output += " "
                            }
                        }
                        index = html.index(after: end)
                        continue
                    }
                }
            }
            if skipping != nil {
                index = html.index(after: index)
                continue
            }
            if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";"),
                let decoded = decode(html[html.index(after: index)..<semicolon])
            {
                output += decoded
                index = html.index(after: semicolon)
                continue
            }
            if hasMarkup, character.isNewline || character == "\t" {
                output.append(" ")
            } else {
                output.append(character)
            }
            index = html.index(after: index)
        }
        return collapse(output)
    }

    /// Tags after which the text continues on a new line.
    static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "blockquote", "dd", "dt", "dl", "hr", "header", "footer", "pre", "caption", "figcaption",
    ]

    /// Tags that separate their text from the next by a space.
    private static let cellTags: Set<String> = ["td", "th"]

    /// Named references common in Russian shop descriptions (XML's five are decoded by the parser already,
    /// but double-escaped feeds carry them too).
    private static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "laquo": "«",
        "raquo": "»", "mdash": "—", "ndash": "–", "hellip": "…", "bull": "•", "middot": "·", "deg": "°",
        "times": "×", "plusmn": "±", "copy": "©", "reg": "®", "trade": "™", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "bdquo": "„", "shy": "", "euro": "€", "frac12": "½", "sup2": "²",
        "sup3": "³", "micro": "µ", "asymp": "≈", "le": "≤", "ge": "≥", "minus": "−", "thinsp": "\u{2009}",
        "ensp": " ", "emsp": " ", "sect": "§", "para": "¶", "frac14": "¼", "frac34": "¾", "divide": "÷",
        "rarr": "→", "larr": "←", "harr": "↔", "infin": "∞", "numero": "№", "prime": "′", "Prime": "″",
        "iexcl": "¡", "cent": "¢", "pound": "£", "yen": "¥", "sbquo": "‚",
    ]

    /// What browsers show for the numeric references 128–159 (Windows-1252); the others there are dropped.
    private static let windows1252: [UInt32: String] = [
        0x80: "€", 0x82: "‚", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x89: "‰", 0x8B: "‹", 0x91: "‘",
        0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x99: "™", 0x9B: "›",
    ]

    private static func decode(_ entity: Substring) -> String? {
        guard entity.hasPrefix("#") else { return named[String(entity)] }
        let digits = entity.dropFirst()
        let isHex = digits.first == "x" || digits.first == "X"
        guard let value = isHex ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits) else { return nil }
        switch value {
        case 0x09, 0x0A: return " "
        case 0..<0x20, 0x7F: return ""
        case 0x80...0x9F: return windows1252[value] ?? ""
        default: return Unicode.Scalar(value).map { String(Character($0)) }
        }
    }

    /// Whether `html` holds something that looks like a tag (`<` then a letter, `/` or `!`).
    private static func containsTag(_ html: String) -> Bool {
        var previousWasOpen = false
        for byte in html.utf8 {
            if previousWasOpen,
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2F || byte == 0x21
            {
                return true
            }
            previousWasOpen = byte == 0x3C
        }
        return false
    }

    /// Collapses spaces within lines and blank lines between them; trims.
    private static func collapse(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{2009}" }
            if !words.isEmpty { lines.append(words.joined(separator: " ")) }
        }
        return lines.joined(separator: "\n")
    }
}
