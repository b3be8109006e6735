import CVitrinaXML
import Foundation
import VitrinaCatalog

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// What the audit reads from one saved product page.
///
/// Parsed with libxml2's HTML parser (tolerant of broken markup; network access off; entities are
/// not expanded). The encoding comes from a BOM, `<meta charset>` or `http-equiv` in the first
/// 4 KB, else UTF-8 when the bytes are valid UTF-8, else Windows-1251. We decode the bytes to UTF-8
/// ourselves, word by word as the catalog readers do (``MixedEncodingDecoder``), before libxml2 sees
/// them: libxml2's own converter stopped at the first byte its encoding lacks (0x98 in
/// Windows-1251, a Windows-1251 word in a UTF-8 page), dropped the rest of the page without a word
/// and printed «encoding error : input conversion failed» to stderr.
struct HTMLPage {
    /// A block of visible text: a heading, paragraph, list item or table row.
    struct Block {
        enum Kind: Equatable { case heading(Int), paragraph, listItem, tableRow }
        var kind: Kind
        var text: String
        /// The element's id and classes, for speakable selectors.
        var id: String?
        var classes: [String]
        var tag: String
    }

    var encoding: String
    var declaredCharset: Bool
    /// Non-ASCII words read as UTF-8 and as Windows-1251, with the first line of each (0 when none).
    var encodingRuns: (utf8: Int, windows1251: Int, firstUTF8Line: Int, firstWindows1251Line: Int) = (0, 0, 0, 0)
    var lang: String?
    var title: String?
    /// `name`/`property` (lowercased) → content.
    var meta: [String: String] = [:]
    var canonical: String?
    var blocks: [Block] = []
    var images: (total: Int, withAlt: Int) = (0, 0)
    var links: [String] = []
    var jsonLD: [String] = []
    /// Microdata: itemtype URLs seen and itemprop → first content/text.
    var itemTypes: [String] = []
    var itemProps: [String: String] = [:]
    /// Every element's id and classes (for resolving speakable selectors).
    var ids: Set<String> = []
    var classes: Set<String> = []
    var tags: Set<String> = []
    var byteCount: Int
    /// Elements that had more attributes than ``AttributeLimiter/defaultLimit`` (the rest were
    /// dropped before parsing: libxml2's duplicate check is quadratic), and how many there were.
    var excessAttributes: [AttributeLimiter.Excess] = []
    var excessAttributeElements = 0

    /// The visible text of the page, blocks joined by newlines.
    var text: String { blocks.map(\.text).joined(separator: "\n") }

    /// Reads `bytes` (the file `path`).
    init(bytes: [UInt8], path: String) {
        byteCount = bytes.count
        let (encoding, declared) = Self.encoding(of: bytes)
        self.encoding = encoding
        declaredCharset = declared
        // The page reaches libxml2 as UTF-8 and its charset declaration is ignored (see above).
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        var limiter = AttributeLimiter(dialect: .html, insertsMarker: false)
        var limited: [UInt8] = []
        limited.reserveCapacity(bytes.count)
        bytes.withUnsafeBytes { limiter.filter($0, into: &limited) }
        excessAttributes = limiter.excess
        excessAttributeElements = limiter.excessCount
        var decoder = MixedEncodingDecoder(preferred: encoding == "UTF-8" ? .utf8 : .windows1251)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(limited.count + limited.count / 4)
        limited.withUnsafeBufferPointer { decoder.appendUTF8($0, to: &utf8) }
        encodingRuns = (decoder.utf8Runs, decoder.windows1251Runs, decoder.firstUTF8Line, decoder.firstWindows1251Line)
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), path, "UTF-8", options)
                }
            } ?? nil
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        if let root = xmlDocGetRootElement(document) { walk(root) }
    }

    // MARK: - Walking

    private mutating func walk(_ node: xmlNodePtr, insideBlock: Bool = false) {
        var current: xmlNodePtr? = node
        while let element = current {
            defer { current = element.pointee.next }
            guard element.pointee.type == XML_ELEMENT_NODE else { continue }
            let tag = Self.name(element)
            tags.insert(tag)
            if let id = attribute(element, "id") { ids.insert(id) }
            let classList = (attribute(element, "class") ?? "").split(separator: " ").map(String.init)
            classes.formUnion(classList)
            if let type = attribute(element, "itemtype") { itemTypes.append(type) }
            if let prop = attribute(element, "itemprop"), itemProps[prop] == nil {
                itemProps[prop] = attribute(element, "content") ?? Self.text(element)
            }
            switch tag {
            case "html":
                lang = attribute(element, "lang") ?? attribute(element, "xml:lang")
            case "title":
                if title == nil { title = Self.text(element) }
            case "meta":
                let key = (attribute(element, "name") ?? attribute(element, "property") ?? "").lowercased()
                if !key.isEmpty, let content = attribute(element, "content") { meta[key] = content }
            case "link":
                if attribute(element, "rel")?.lowercased() == "canonical" { canonical = attribute(element, "href") }
            case "img":
                images.total += 1
                if let alt = attribute(element, "alt"), !alt.trimmingCharacters(in: .whitespaces).isEmpty {
                    images.withAlt += 1
                }
            case "a":
                links.append(Self.text(element))
            case "script":
                if attribute(element, "type")?.lowercased() == "application/ld+json" {
                    jsonLD.append(Self.rawText(element))
                }
                continue
            case "style", "noscript", "template":
                continue
            case "h1", "h2", "h3", "h4", "h5", "h6":
                if !insideBlock { add(.heading(Int(tag.dropFirst()) ?? 2), element, tag, classList) }
                if let child = element.pointee.children { walk(child, insideBlock: true) }
                continue
            case "p", "li", "dd", "dt", "blockquote", "figcaption", "tr":
                if !insideBlock {
                    add(tag == "p" ? .paragraph : tag == "tr" ? .tableRow : .listItem, element, tag, classList)
                }
                // Links, images and microdata inside the block still count.
                if let child = element.pointee.children { walk(child, insideBlock: true) }
                continue
            default:
                break
            }
            if let child = element.pointee.children { walk(child, insideBlock: insideBlock) }
        }
    }

    private mutating func add(_ kind: Block.Kind, _ element: xmlNodePtr, _ tag: String, _ classList: [String]) {
        let text = kind == .tableRow ? Self.cells(element) : Self.text(element)
        guard !text.isEmpty else { return }
        blocks.append(Block(kind: kind, text: text, id: attribute(element, "id"), classes: classList, tag: tag))
    }

    private func attribute(_ element: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(element, name) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    private static func name(_ element: xmlNodePtr) -> String {
        element.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// The element's text with whitespace collapsed, scripts and styles left out.
    static func text(_ element: xmlNodePtr) -> String {
        var parts: [String] = []
        func collect(_ node: xmlNodePtr?) {
            var current = node
            while let item = current {
                defer { current = item.pointee.next }
                if item.pointee.type == XML_TEXT_NODE || item.pointee.type == XML_CDATA_SECTION_NODE,
                    let content = item.pointee.content
                {
                    parts.append(String(cString: content))
                } else if item.pointee.type == XML_ELEMENT_NODE,
                    !["script", "style", "noscript"].contains(name(item))
                {
                    if ["br", "li", "p", "div", "td", "th"].contains(name(item)) { parts.append(" ") }
                    collect(item.pointee.children)
                }
            }
        }
        collect(element.pointee.children)
        return parts.joined().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A table row as `cell: cell`.
    private static func cells(_ row: xmlNodePtr) -> String {
        var cells: [String] = []
        var current = row.pointee.children
        while let cell = current {
            defer { current = cell.pointee.next }
            if cell.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(name(cell)) { cells.append(text(cell)) }
        }
        return cells.filter { !$0.isEmpty }.joined(separator: ": ")
    }

    /// The raw text content of an element (a script's JSON).
    private static func rawText(_ element: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(element) else { return "" }
        defer { free(content) }
        return String(cString: content)
    }

    /// The encoding to parse with, and whether the page declares one.
    static func encoding(of bytes: [UInt8]) -> (String, Bool) {
        if TextEncoding.byteOrderMarkLength(bytes) > 0 { return ("UTF-8", true) }
        let head = String(decoding: bytes.prefix(4_096), as: UTF8.self).lowercased()
        if let range = head.range(of: "charset=") {
            let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if let known = TextEncoding(label: String(value)) {
                return (known == .utf8 ? "UTF-8" : "windows-1251", true)
            }
        }
        return (TextEncoding.detect(bytes.prefix(65_536)) == .utf8 ? "UTF-8" : "windows-1251", false)
    }
}
