import Foundation

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// The C library's `read`, named apart from Swift methods called `read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
        Darwin.read(descriptor, buffer, count)
    #else
        Glibc.read(descriptor, buffer, count)
    #endif
}

/// The bytes libxml2 reads from an XML file: decoded to UTF-8 word by word when the document is in
/// UTF-8 or Windows-1251 (whatever its declaration says), with the attributes of each tag capped.
///
/// libxml2 trusts the encoding declaration: a feed declared windows-1251 but written in UTF-8
/// imports as mojibake, and one declared UTF-8 with a Windows-1251 record stops with «Input is
/// not proper UTF-8». Here each run of non-ASCII bytes is read in the encoding it is in
/// (``MixedEncodingDecoder``) and libxml2 gets UTF-8 with `XML_PARSE_IGNORE_ENC`. Documents in
/// other ASCII-compatible encodings (KOI8-R, ISO-8859-5, …) are left to libxml2's own decoding;
/// UTF-16 and UTF-32 are refused. The ``AttributeLimiter`` runs on every document.
final class XMLInput {
    /// How libxml2 is to decode what it reads.
    enum Mode: Equatable {
        /// UTF-8 (after our decoding): libxml2 ignores the declaration.
        case utf8
        /// An encoding libxml2 decodes itself (the declared label).
        case declared(String)
    }

    let path: String
    let descriptor: Int32
    /// The encoding the XML declaration names (`nil` when none).
    let declaredEncoding: String?
    let mode: Mode
    /// Word-by-word decoding (``Mode/utf8`` only).
    private(set) var decoder: MixedEncodingDecoder
    private(set) var limiter = AttributeLimiter(dialect: .xml, insertsMarker: true)
    /// Raw bytes read from the file, and bytes handed to libxml2 (or waiting to be).
    private(set) var rawBytesRead = 0
    private(set) var bytesProduced = 0
    /// Lines counted in what libxml2 got, in ``Mode/declared`` (the decoder counts them otherwise).
    private var declaredModeLines = 1
    /// The `errno` of a failed read.
    private(set) var readError: Int32 = 0
    private var atEnd = false
    private var chunk: [UInt8]
    /// A non-ASCII run cut by the end of a chunk, kept for the next one.
    private var carried: [UInt8] = []
    private var decoded: [UInt8] = []
    private var pending: [UInt8] = []
    private var pendingStart = 0

    /// Reads the start of the file to learn its encoding.
    ///
    /// - Throws: ``ImportProblem`` for a read error or a UTF-16/UTF-32 document.
    init(path: String, descriptor: Int32, chunkSize: Int = 64 << 10) throws {
        self.path = path
        self.descriptor = descriptor
        chunk = [UInt8](repeating: 0, count: max(4_096, chunkSize))
        let first = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
        guard first >= 0 else {
            let code = errno
            throw ImportProblem(
                .io, location: SourceLocation(file: path, line: 0),
                message: "cannot read: \(String(cString: strerror(code))) (errno \(code))")
        }
        let head = chunk.prefix(first)
        if Self.isWideUnicode(head) {
            throw ImportProblem(
                .unsupported, location: SourceLocation(file: path, line: 1),
                message: "the document is in UTF-16 or UTF-32; Vitrina reads XML in UTF-8 or Windows-1251")
        }
        let bom = TextEncoding.byteOrderMarkLength(head)
        declaredEncoding = Self.declaredEncoding(head.dropFirst(bom))
        let known = declaredEncoding.map { TextEncoding(label: $0) } ?? .utf8
        let asciiLabels: Set<String> = ["ascii", "usascii", "iso646us"]
        let isASCII = declaredEncoding.map {
            asciiLabels.contains($0.lowercased().filter { $0 != "-" && $0 != "_" })
        }
        if let known {
            mode = .utf8
            decoder = MixedEncodingDecoder(preferred: bom > 0 ? .utf8 : known)
        } else if isASCII == true {
            mode = .utf8
            decoder = MixedEncodingDecoder(preferred: .utf8)
        } else {
            mode = .declared(declaredEncoding ?? "")
            decoder = MixedEncodingDecoder(preferred: .utf8)
        }
        rawBytesRead = first
        if first == 0 { atEnd = true }
        // The byte-order mark goes: libxml2 gets UTF-8 and is told so (or reads the declared encoding).
        process(from: bom, count: first)
    }

    /// Fills `buffer` with up to `capacity` bytes; 0 at the end, -1 after a read error.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        while pendingStart == pending.count {
            if atEnd { return 0 }
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                readError = errno
                return -1
            }
            if got == 0 { atEnd = true }
            rawBytesRead += got
            process(from: 0, count: got)
        }
        let count = min(capacity, pending.count - pendingStart)
        pending.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + pendingStart, byteCount: count)
        }
        pendingStart += count
        return Int32(count)
    }

    /// Decodes and filters ``chunk``'s bytes `start..<count` (after the run carried from the last chunk).
    private func process(from start: Int, count: Int) {
        let before = pending.count
        switch mode {
        case .declared:
            chunk.withUnsafeBytes {
                limiter.filter(UnsafeRawBufferPointer(rebasing: $0[start..<count]), into: &pending)
            }
            declaredModeLines += chunk[start..<count].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        case .utf8:
            var input = carried
            input.append(contentsOf: chunk[start..<count])
            carried.removeAll(keepingCapacity: true)
            var end = input.count
            if !atEnd {
                // Keep a run of non-ASCII bytes cut by the chunk's end for the next chunk
                // (unless the whole chunk is one run: then it is decoded in pieces).
                var cut = end
                while cut > 0, input[cut - 1] >= 0x80 { cut -= 1 }
                if cut > 0 {
                    carried.append(contentsOf: input[cut...])
                    end = cut
                }
            }
            decoded.removeAll(keepingCapacity: true)
            input.withUnsafeBufferPointer {
                decoder.appendUTF8(UnsafeBufferPointer(rebasing: $0[..<end]), to: &decoded)
            }
            decoded.withUnsafeBytes { limiter.filter($0, into: &pending) }
        }
        bytesProduced += pending.count - before
    }

    /// The file bytes that correspond to `consumed` bytes of what libxml2 got (exact at the end).
    func fileBytes(forConsumed consumed: Int) -> Int {
        guard bytesProduced > 0 else { return 0 }
        if consumed >= bytesProduced { return rawBytesRead }
        return Int(Double(consumed) * Double(rawBytesRead) / Double(bytesProduced))
    }

    /// The number of the last line of the data handed out so far (of the whole file once exhausted).
    var lastLine: Int { mode == .utf8 ? decoder.line : declaredModeLines }

    /// Whether every byte of the file was read and handed to libxml2.
    var isExhausted: Bool { atEnd && pendingStart == pending.count && carried.isEmpty }

    /// The warning about the document's encoding, when its text contradicts its declaration or mixes encodings.
    var encodingWarning: ImportProblem? {
        guard mode == .utf8 else { return nil }
        let declared = declaredEncoding.flatMap(TextEncoding.init(label:)) ?? .utf8
        let name = declaredEncoding.map { "declared \($0)" } ?? "with no encoding declared (UTF-8)"
        if decoder.isMixed {
            return ImportProblem(
                .encoding,
                location: SourceLocation(
                    file: path, line: declared == .utf8 ? decoder.firstWindows1251Line : decoder.firstUTF8Line),
                field: "encoding",
                message:
                    "the document, \(name), mixes UTF-8 (\(decoder.utf8Runs) words, first at line "
                    + "\(decoder.firstUTF8Line)) and Windows-1251 (\(decoder.windows1251Runs) words, first at line "
                    + "\(decoder.firstWindows1251Line)); each word was read in its own encoding")
        }
        if declared == .windows1251, decoder.utf8Runs > 0 {
            return ImportProblem(
                .encoding, location: SourceLocation(file: path, line: decoder.firstUTF8Line), field: "encoding",
                message: "the document is \(name) but its text is UTF-8; it was read as UTF-8")
        }
        if declared == .utf8, decoder.windows1251Runs > 0 {
            return ImportProblem(
                .encoding, location: SourceLocation(file: path, line: decoder.firstWindows1251Line),
                field: "encoding",
                message: "the document is \(name) but its text is Windows-1251; it was read as Windows-1251")
        }
        return nil
    }

    /// Whether the first bytes are UTF-16 or UTF-32 (a BOM, or `<` with zero bytes beside it).
    static func isWideUnicode(_ head: some Collection<UInt8>) -> Bool {
        let bytes = Array(head.prefix(4))
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return true }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return true }
        return bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C])
            || bytes.starts(with: [0, 0, 0, 0x3C])
    }

    /// The `encoding` of the XML declaration at the start of `head`, if any.
    static func declaredEncoding(_ head: some Collection<UInt8>) -> String? {
        let prefix = Array(head.prefix(512))
        guard prefix.starts(with: Array("<?xml".utf8)) else { return nil }
        let text = String(decoding: prefix, as: UTF8.self)
        guard let close = text.range(of: "?>") else { return nil }
        let declaration = text[..<close.lowerBound]
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let name = value.dropFirst().prefix { $0 != quote }
        return name.isEmpty ? nil : String(name)
    }
}
