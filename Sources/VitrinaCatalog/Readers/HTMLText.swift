/// Plain text from an HTML fragment, as feeds put it in descriptions (often inside CDATA).
///
/// Tags are dropped (block tags and `<br>` become line breaks), `<script>` and `<style>`
/// contents are dropped, character references (`&nbsp;`, `&laquo;`, `&#8212;`, `&#x2014;`) are
/// decoded, and runs of spaces are collapsed. Broken markup never fails: an unclosed `<` is
/// kept as text.
enum HTMLText {
    /// The text of `html`.
    static func plainText(_ html: String) -> String {
        guard html.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) else { return html }
        var output = ""
        var index = html.startIndex
        var skipping: String?  // inside <script> or <style>
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close]
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                let closing = tag.hasPrefix("/")
                if let skipped = skipping {
                    if closing && name == skipped { skipping = nil }
                } else if !name.isEmpty || tag.hasPrefix("!") {
                    if name == "script" || name == "style", !closing, !tag.hasSuffix("/") { skipping = name }
                    if blockTags.contains(name) { output += "\n" }
                } else {
                    output.append(character)
                    index = html.index(after: index)
                    continue
                }
                index = html.index(after: close)
                continue
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
            output.append(character)
            index = html.index(after: index)
        }
        return collapse(output)
    }

    /// Tags after which the text continues on a new line.
    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "blockquote", "dd", "dt", "hr",
    ]

    /// Named references common in Russian shop descriptions (XML's five are decoded by the parser already,
    /// but double-escaped feeds carry them too).
    private static let named: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "laquo": "«",
        "raquo": "»", "mdash": "—", "ndash": "–", "hellip": "…", "bull": "•", "middot": "·", "deg": "°",
        "times": "×", "plusmn": "±", "copy": "©", "reg": "®", "trade": "™", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "bdquo": "„", "shy": "", "euro": "€", "frac12": "½", "sup2": "²",
        "sup3": "³", "micro": "µ", "asymp": "≈", "le": "≤", "ge": "≥", "minus": "−", "thinsp": "\u{2009}",
    ]

    private static func decode(_ entity: Substring) -> String? {
        if entity.hasPrefix("#") {
            let digits = entity.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[String(entity)]
    }

    /// Collapses spaces within lines and blank lines between them; trims.
    private static func collapse(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let words = line.split { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }
            if !words.isEmpty { lines.append(words.joined(separator: " ")) }
        }
        return lines.joined(separator: "\n")
    }
}
