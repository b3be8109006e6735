import CVitrinaXML

#if canImport(Glibc)
    import Glibc
#endif

/// A forward-only pull reader over an XML file (libxml2's xmlTextReader), safe for untrusted input.
///
/// Network access is off and entities are never substituted: a document that uses an entity
/// other than the five predefined ones is rejected (so a "billion laughs" file or an external
/// entity pointing at a local file fails cleanly instead of expanding). The encoding comes from
/// the XML declaration (libxml2 decodes windows-1251 and other iconv encodings); a UTF-8 BOM is
/// accepted. Errors carry the file, line and column.
final class XMLStreamReader {
    /// What the reader is positioned on.
    enum Node: Equatable {
        case start(name: String, isEmpty: Bool)
        case end(name: String)
        case text(String)
        case other
    }

    let path: String
    private let reader: xmlTextReaderPtr
    private let errors = ErrorBox()
    /// The open file (read through a descriptor, so libxml2 never decompresses a `.gz` on its own).
    private let descriptor: Int32
    /// The file's size, to tell a truncated document from other errors.
    private let fileSize: Int
    /// Elements started and not yet ended.
    private var openElements = 0

    /// Opens `path`.
    ///
    /// The options are `XML_PARSE_NONET` (no network), `XML_PARSE_NOCDATA` (CDATA as text) and
    /// `XML_PARSE_BIG_LINES`; never `NOENT`, `DTDLOAD`, `DTDATTR` or `HUGE`, so entities are not
    /// substituted, no external DTD is read and libxml2's size and depth limits stay on.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be opened.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportProblem(
                location: SourceLocation(file: path, line: 0),
                message: "cannot open: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        fileSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        guard let reader = xmlReaderForFd(descriptor, path, nil, options) else {
            close(descriptor)
            throw ImportProblem(location: SourceLocation(file: path, line: 0), message: "cannot open as XML")
        }
        self.reader = reader
        // Errors are collected (never printed); the first one ends the reading.
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { argument, error in
                guard let argument, let error = error?.pointee, error.level.rawValue >= XML_ERR_ERROR.rawValue
                else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(argument).takeUnretainedValue()
                guard box.message == nil else { return }
                box.message = error.message.map { String(cString: $0).trimmingTrailingNewlines() } ?? "XML error"
                box.code = Int(error.code)
                box.line = Int(error.line)
                box.column = Int(error.int2)
            }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        close(descriptor)
    }

    /// The 1-based line where the current node starts (libxml2 keeps no column for nodes).
    ///
    /// Exact for elements with content. Past line 65,535 libxml2 knows an element's line only from
    /// the text inside it, so an empty element there gets the line the parser has reached (a few
    /// lines ahead at most).
    var line: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return parserLine }
        let line = Int(xmlGetLineNo(node))
        if line == Int(UInt16.max) { return max(line, parserLine) }
        return line > 0 ? line : parserLine
    }
    /// The line and column the parser has reached (where an error was found).
    private var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    private var parserColumn: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }
    /// Where the parser is: for errors in the XML itself.
    var location: SourceLocation { SourceLocation(file: path, line: parserLine, column: parserColumn) }
    /// Bytes of the file consumed so far.
    var bytesConsumed: Int { Int(xmlTextReaderByteConsumed(reader)) }
    /// The depth of the current node (the root element is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Moves to the next node; `nil` at the end of the document.
    ///
    /// - Throws: ``ImportProblem`` for malformed or truncated XML and for entity references.
    func next() throws -> Node? {
        let status = xmlTextReaderRead(reader)
        if let message = errors.message { throw parseError(message) }
        if status == 0 { return nil }
        guard status == 1 else { throw parseError("cannot read further") }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            if !isEmpty { openElements += 1 }
            return .start(name: localName, isEmpty: isEmpty)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            openElements -= 1
            return .end(name: localName)
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .text(value)
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw problem("entity references are not allowed (the document declares its own entities)")
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            try rejectInternalEntities()
            return .other
        default:
            return .other
        }
    }

    /// Reads the element the reader is on (just returned as `.start`) with everything inside it.
    ///
    /// Elements named in `flattened` (descriptions that may hold XHTML written as elements) are read
    /// as text only: the text of everything inside them in document order, with `<br>` at each HTML
    /// block tag, ready for ``HTMLText/plainText(_:)`` (which makes it a line break, and the source's
    /// own line breaks spaces, as in any markup).
    ///
    /// - Throws: ``ImportProblem`` as ``next()`` does.
    func readElement(name: String, isEmpty: Bool, flattening flattened: Set<String> = []) throws -> XMLElement {
        var element = XMLElement(name: name, attributes: attributes(), line: line)
        if isEmpty { return element }
        if flattened.contains(name) {
            element.text = try readFlattenedText(name: name)
            return element
        }
        while let node = try next() {
            switch node {
            case .start(let child, let childIsEmpty):
                element.children.append(
                    try readElement(name: child, isEmpty: childIsEmpty, flattening: flattened))
            case .text(let text):
                element.text += text
            case .end:
                return element
            case .other:
                continue
            }
        }
        throw problem("the document ends inside <\(name)> (truncated file?)")
    }

    /// The text inside the current element in document order, with `<br>` at each HTML block tag
    /// among its descendants; the reader ends on the element's end.
    private func readFlattenedText(name: String) throws -> String {
        var text = ""
        var level = 0
        while let node = try next() {
            switch node {
            case .start(let child, let childIsEmpty):
                if HTMLText.blockTags.contains(child.lowercased()) { text += "<br>" }
                if !childIsEmpty { level += 1 }
            case .end(let child):
                if level == 0 { return text }
                level -= 1
                if HTMLText.blockTags.contains(child.lowercased()) { text += "<br>" }
            case .text(let chunk):
                text += chunk
            case .other:
                continue
            }
        }
        throw problem("the document ends inside <\(name)> (truncated file?)")
    }

    /// Passes over the element the reader is on (just returned as `.start`) and everything inside
    /// it without building anything: for the parts of a document a reader does not use, however
    /// large they are.
    ///
    /// - Throws: ``ImportProblem`` as ``next()`` does.
    func skipElement(name: String, isEmpty: Bool) throws {
        if isEmpty { return }
        let start = depth
        while true {
            let status = xmlTextReaderRead(reader)
            if let message = errors.message { throw parseError(message) }
            guard status == 1 else {
                throw parseError(status == 0 ? "the document ends inside <\(name)>" : "cannot read further")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue) where depth == start:
                openElements -= 1
                return
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw problem("entity references are not allowed (the document declares its own entities)")
            default:
                continue
            }
        }
    }

    /// An error in the XML, where libxml2 found it; when the input ran out with elements still open,
    /// libxml2's message (often «Extra content at the end of the document») is prefixed with what
    /// happened: the file is cut short.
    private func parseError(_ message: String) -> ImportProblem {
        var location = self.location
        if errors.message != nil, errors.line > 0 {
            location = SourceLocation(file: path, line: errors.line, column: errors.column > 0 ? errors.column : nil)
        }
        let endedEarly =
            errors.code == Int(XML_ERR_DOCUMENT_END.rawValue) || (fileSize > 0 && bytesConsumed >= fileSize)
        if fileSize == 0 {
            return ImportProblem(location: location, message: "the file is empty")
        }
        if openElements > 0, endedEarly {
            return ImportProblem(
                location: location, message: "the file ends before the document does (truncated?): \(message)")
        }
        return ImportProblem(location: location, message: message)
    }

    /// A problem at the current position.
    func problem(_ message: String, recordID: String? = nil, field: String? = nil) -> ImportProblem {
        ImportProblem(location: location, recordID: recordID, field: field, message: message)
    }

    private var localName: String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    private var value: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    private func attributes() -> [String: String] {
        var result: [String: String] = [:]
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            result[localName] = value
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    /// A DOCTYPE with an internal subset that declares entities (general or parameter) is refused outright.
    private func rejectInternalEntities() throws {
        guard let node = xmlTextReaderCurrentNode(reader), let dtd = node.pointee.doc?.pointee.intSubset else { return }
        let general = dtd.pointee.entities.map { xmlHashSize(OpaquePointer($0)) } ?? 0
        let parameter = dtd.pointee.pentities.map { xmlHashSize(OpaquePointer($0)) } ?? 0
        if general > 0 || parameter > 0 {
            throw problem("the document declares entities; entity declarations are not allowed")
        }
    }

    /// The first error libxml2 reported.
    private final class ErrorBox {
        var message: String?
        /// libxml2's `xmlParserErrors` code.
        var code = 0
        var line = 0
        var column = 0
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last?.isNewline == true { result.removeLast() }
        return result
    }
}
