import CVitrinaXML
import Foundation

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
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
    /// The file's bytes as libxml2 gets them: decoded to UTF-8 word by word, attributes capped.
    private let input: XMLInput
    /// The file's size, to tell a truncated document from other errors.
    private let fileSize: Int
    /// Elements started and not yet ended.
    private var openElements = 0
    /// Problems and warnings found outside the records a reader reads whole (an element over the
    /// attribute limit, the document's encoding), for the reader to pass on (``takeNotice()``).
    private var notices: [CatalogItem] = []
    private var noticeStart = 0
    /// Whether the end of the document was reached.
    private var finished = false
    /// The element ``next()`` just returned, when it had attributes dropped and nobody read it yet.
    private var unreadExcess: ImportProblem?

    /// Opens `path`.
    ///
    /// The options are `XML_PARSE_NONET` (no network), `XML_PARSE_NOCDATA` (CDATA as text) and
    /// `XML_PARSE_BIG_LINES`, plus `XML_PARSE_IGNORE_ENC` when ``XMLInput`` decodes the text; never
    /// `NOENT`, `DTDLOAD`, `DTDATTR` or `HUGE`, so entities are not substituted, no external DTD is
    /// read and libxml2's size and depth limits stay on.
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be opened or is in UTF-16/UTF-32.
    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            throw ImportProblem(
                .io, location: SourceLocation(file: path, line: 0),
                message: "cannot open: \(String(cString: strerror(code))) (errno \(code))")
        }
        var status = stat()
        fileSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
        do {
            input = try XMLInput(path: path, descriptor: descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue
        // Our UTF-8: the declaration is ignored and libxml2 reads its default, UTF-8. Naming
        // "UTF-8" instead would install a UTF-8 → UTF-8 converter on every chunk, and make
        // xmlTextReaderByteConsumed re-encode its buffer on each call (a third of the reader's speed).
        if input.mode == .utf8 { options |= XML_PARSE_IGNORE_ENC.rawValue }
        let context = Unmanaged.passUnretained(input).toOpaque()
        let created = xmlReaderForIO(
            { context, buffer, length in
                guard let context, let buffer else { return -1 }
                return Unmanaged<XMLInput>.fromOpaque(context).takeUnretainedValue()
                    .read(into: buffer, capacity: Int(max(0, length)))
            }, { _ in 0 }, context, path, nil, Int32(options))
        guard let reader = created else {
            close(descriptor)
            throw ImportProblem(
                .io, location: SourceLocation(file: path, line: 0), message: "libxml2 cannot open it as XML")
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
        close(input.descriptor)
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
    var bytesConsumed: Int { input.fileBytes(forConsumed: Int(xmlTextReaderByteConsumed(reader))) }
    /// The depth of the current node (the root element is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// Moves to the next node; `nil` at the end of the document.
    ///
    /// - Throws: ``ImportProblem`` for malformed or truncated XML and for entity references.
    func next() throws -> Node? {
        if let excess = unreadExcess {
            notices.append(.skipped(excess))
            unreadExcess = nil
        }
        let status = xmlTextReaderRead(reader)
        if let message = errors.message { throw parseError(message) }
        if status == 0 {
            if !finished {
                finished = true
                if let warning = input.encodingWarning { notices.append(.warning(warning)) }
            }
            return nil
        }
        guard status == 1 else { throw parseError("cannot read further") }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
            if !isEmpty { openElements += 1 }
            let name = localName
            if let dropped = droppedAttributes() { unreadExcess = excessProblem(element: name, dropped: dropped) }
            return .start(name: name, isEmpty: isEmpty)
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            openElements -= 1
            return .end(name: localName)
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .text(value)
        case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
            throw problem(
                "entity references are not allowed (the document declares its own entities)", code: .unsupported)
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
        let (attributes, dropped) = self.attributes()
        var element = XMLElement(name: name, attributes: attributes, line: line)
        unreadExcess = nil
        if dropped > 0 { element.excess = excessProblem(element: name, dropped: dropped) }
        if isEmpty { return element }
        if flattened.contains(name) {
            element.text = try readFlattenedText(name: name, into: &element)
            return element
        }
        while let node = try next() {
            switch node {
            case .start(let child, let childIsEmpty):
                let read = try readElement(name: child, isEmpty: childIsEmpty, flattening: flattened)
                if element.excess == nil { element.excess = read.excess }
                element.children.append(read)
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

    /// The text inside the current element in document order, with `<br>` at each HTML block tag.
    ///
    /// The reader ends on the element's end. A descendant over the attribute limit is noted in `element`.
    private func readFlattenedText(name: String, into element: inout XMLElement) throws -> String {
        var text = ""
        var level = 0
        while let node = try next() {
            if let excess = unreadExcess {
                if element.excess == nil { element.excess = excess }
                unreadExcess = nil
            }
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
        if let excess = unreadExcess {
            notices.append(.skipped(excess))
            unreadExcess = nil
        }
        if isEmpty { return }
        let start = depth
        while true {
            let status = xmlTextReaderRead(reader)
            if let message = errors.message { throw parseError(message) }
            guard status == 1 else {
                throw parseError(status == 0 ? "the document ends inside <\(name)>" : "cannot read further")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if let dropped = droppedAttributes() {
                    notices.append(.skipped(excessProblem(element: localName, dropped: dropped)))
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue) where depth == start:
                openElements -= 1
                return
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw problem(
                    "entity references are not allowed (the document declares its own entities)", code: .unsupported)
            default:
                continue
            }
        }
    }

    /// An error in the XML, where libxml2 found it, said in our words around libxml2's.
    ///
    /// "(truncated?)" only when the input ran out with elements still open (libxml2 then says
    /// «Extra content at the end of the document» or «Premature end of data»); libxml2's advice
    /// to use `XML_PARSE_HUGE` becomes what it means here: a safety limit.
    private func parseError(_ message: String) -> ImportProblem {
        var location = self.location
        if errors.message != nil, errors.line > 0 {
            location = SourceLocation(file: path, line: errors.line, column: errors.column > 0 ? errors.column : nil)
        }
        if fileSize == 0 {
            return ImportProblem(.malformed, location: location, message: "the file is empty")
        }
        if input.readError != 0 {
            return ImportProblem(
                .io, location: location,
                message: "read failed: \(String(cString: strerror(input.readError))) (errno \(input.readError))")
        }
        // libxml2 says so when the data ran out with elements open…
        let endCodes = [XML_ERR_DOCUMENT_END, XML_ERR_TAG_NOT_FINISHED].map { Int($0.rawValue) }
        // …or, on the last line, that a construct the data ends in is unfinished.
        let unfinishedCodes = [
            XML_ERR_GT_REQUIRED, XML_ERR_LTSLASH_REQUIRED, XML_ERR_ATTRIBUTE_NOT_STARTED,
            XML_ERR_ATTRIBUTE_NOT_FINISHED, XML_ERR_ATTRIBUTE_WITHOUT_VALUE, XML_ERR_NAME_REQUIRED,
            XML_ERR_LITERAL_NOT_FINISHED, XML_ERR_COMMENT_NOT_FINISHED, XML_ERR_CDATA_NOT_FINISHED,
            XML_ERR_PI_NOT_FINISHED, XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_EQUAL_REQUIRED,
        ].map { Int($0.rawValue) }
        let cutShort =
            endCodes.contains(errors.code)
            || (unfinishedCodes.contains(errors.code) && errors.line >= input.lastLine - 1)
        if openElements > 0, input.isExhausted, cutShort {
            return ImportProblem(
                .malformed, location: location,
                message: "the file ends before the document does (truncated?): "
                    + "\(openElements) element\(openElements == 1 ? " is" : "s are") not closed")
        }
        var text = message
        var limited = false
        for advice in [", use XML_PARSE_HUGE option", " use XML_PARSE_HUGE option", "use XML_PARSE_HUGE option"] {
            if let range = text.range(of: advice) {
                text.replaceSubrange(range, with: "")
                text += " (over a safety limit of the XML reader)"
                limited = true
                break
            }
        }
        return ImportProblem(limited ? .limit : .malformed, location: location, message: "malformed XML: \(text)")
    }

    /// A problem at the current position.
    func problem(
        _ message: String, code: ImportProblem.Code = .malformed, recordID: String? = nil, field: String? = nil
    ) -> ImportProblem {
        ImportProblem(code, location: location, recordID: recordID, field: field, message: message)
    }

    private var localName: String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    private var value: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// The attributes of the current element, and how many were dropped for being over the limit.
    private func attributes() -> (attributes: [String: String], dropped: Int) {
        var result: [String: String] = [:]
        guard xmlTextReaderHasAttributes(reader) == 1 else { return (result, 0) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            result[localName] = value
        }
        xmlTextReaderMoveToElement(reader)
        guard input.limiter.excessCount > 0, let marker = result.removeValue(forKey: AttributeLimiter.markerName)
        else { return (result, 0) }
        return (result, Int(marker) ?? 1)
    }

    /// How many attributes the current element lost to the limit (`nil` when none).
    private func droppedAttributes() -> Int? {
        guard input.limiter.excessCount > 0,
            xmlTextReaderMoveToAttribute(reader, AttributeLimiter.markerName) == 1
        else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return xmlTextReaderConstValue(reader).flatMap { Int(String(cString: $0)) } ?? 1
    }

    /// The problem of an element over the attribute limit, at the current position.
    private func excessProblem(element: String, dropped: Int) -> ImportProblem {
        let limit = input.limiter.limit
        return ImportProblem(
            .limit, location: SourceLocation(file: path, line: line), field: element,
            message:
                "<\(element)> has \(limit + dropped) attributes, more than the limit of \(limit) per element "
                + "(a guard against hostile files); the other \(dropped) were not read")
    }

    /// The next problem or warning found outside the records read whole (an element over the
    /// attribute limit, the encoding warning at the end), for the reader to pass on in order.
    func takeNotice() -> CatalogItem? {
        guard noticeStart < notices.count else {
            if !notices.isEmpty {
                notices.removeAll(keepingCapacity: true)
                noticeStart = 0
            }
            return nil
        }
        defer { noticeStart += 1 }
        return notices[noticeStart]
    }

    /// Whether problems or warnings are waiting (see ``takeNotice()``).
    var hasNotices: Bool { noticeStart < notices.count }

    /// A DOCTYPE with an internal subset that declares entities (general or parameter) is refused outright.
    private func rejectInternalEntities() throws {
        guard let node = xmlTextReaderCurrentNode(reader), let dtd = node.pointee.doc?.pointee.intSubset else { return }
        let general = dtd.pointee.entities.map { xmlHashSize(OpaquePointer($0)) } ?? 0
        let parameter = dtd.pointee.pentities.map { xmlHashSize(OpaquePointer($0)) } ?? 0
        if general > 0 || parameter > 0 {
            throw problem("the document declares entities; entity declarations are not allowed", code: .unsupported)
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
