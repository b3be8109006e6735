import VitrinaAudit
import VitrinaCatalog
import VitrinaIndex
import VitrinaModel
import VitrinaVoice

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// The C library's `write`, named apart from Swift methods called `write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
        Darwin.write(descriptor, buffer, count)
    #else
        Glibc.write(descriptor, buffer, count)
    #endif
}

/// One fuzz target: bytes in, nothing out.
///
/// A crash, a sanitizer report or a hang is a bug; thrown errors (malformed input) are expected and ignored.
enum FuzzTarget: String, CaseIterable {
    /// `YMLReader` over the bytes as a file.
    case yml
    /// `CommerceMLReader`: the first byte picks a catalog (even) or an offers package (odd).
    case commerceml
    /// `CSVCatalogReader`.
    case csv
    /// `JSONLProductReader`.
    case jsonl
    /// `SocialReader` (JSONL or CSV reviews).
    case social
    /// The audit of a page: libxml2's HTML parser behind the attribute limiter, JSON-LD, microdata, checks.
    case html
    /// The strict JSON syntax checker.
    case json
    /// The voice query parser (`QueryParser.parse`).
    case query
    /// The sitemap entry reader (`Sitemap.locations`).
    case sitemap
    /// A segment file, its CRC-32 footer recomputed so the structure checks behind it are reached
    /// (`SegmentProbe`): opened, verified end to end, first documents read.
    case segment

    /// Runs the target on `bytes`.
    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .yml:
            Self.drain { try YMLReader(path: Scratch.write(bytes, as: "feed.yml")) }
        case .commerceml:
            let path = Scratch.write(bytes, as: "exchange.xml")
            let offers = (bytes.first ?? 0) & 1 == 1
            Self.drain { try CommerceMLReader(importPath: offers ? nil : path, offersPath: offers ? path : nil) }
        case .csv:
            Self.drain { try CSVCatalogReader(path: Scratch.write(bytes, as: "export.csv")) }
        case .jsonl:
            Self.drain { try JSONLProductReader(path: Scratch.write(bytes, as: "feed.jsonl")) }
        case .social:
            Self.drain { try SocialReader(path: Scratch.write(bytes, as: "reviews.csv")) }
        case .html:
            _ = Self.auditor.audit(bytes: Array(bytes), path: "page.html")
        case .json:
            _ = StrictJSON.error(in: Array(bytes))
        case .query:
            _ = Self.parser?.parse(String(decoding: bytes, as: UTF8.self))
        case .sitemap:
            _ = Sitemap.locations(in: String(decoding: bytes, as: UTF8.self))
        case .segment:
            let fixed = SegmentProbe.withFixedChecksum(Array(bytes))
            let path = fixed.withUnsafeBytes { Scratch.write($0, as: "seg-000001.vseg") }
            try? SegmentProbe.read(path: path)
        }
    }

    /// Reads every item a reader yields (bounded: a reader that never ends is a bug).
    private static func drain<Reader: CatalogReader>(_ open: () throws -> Reader) {
        guard var reader = try? open() else { return }
        var items = 0
        while let item = try? reader.next() {
            items += 1
            if case .entry(.product(let product), _) = item, product.id.isEmpty {
                fatalError("a product with an empty id got through")
            }
            if items > 10_000_000 { fatalError("the reader does not end") }
        }
    }

    private static let auditor = PageAuditor(language: .ru)
    private static let parser = try? QueryParser(
        vocabulary: StaticVocabulary(vendors: ["Samsung", "Xiaomi", "Атлант"]))
}

/// The private folder where file-reading targets get their input (removed at exit).
enum Scratch {
    private static let folder: String = {
        atexit { Scratch.removeFiles() }
        var template = Array("/tmp/vitrina-fuzz-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            fatalError("cannot create a scratch folder: errno \(errno)")
        }
        return String(cString: made)
    }()

    /// Removes the scratch folder's files and the folder.
    private static func removeFiles() {
        for name in ["feed.yml", "exchange.xml", "export.csv", "feed.jsonl", "reviews.csv", "seg-000001.vseg"] {
            unlink(folder + "/" + name)
        }
        rmdir(folder)
    }

    /// Writes `bytes` to the scratch file `name` and returns its path.
    static func write(_ bytes: UnsafeRawBufferPointer, as name: String) -> String {
        let path = folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot write \(path): errno \(errno)") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            guard written > 0 else { fatalError("cannot write \(path): errno \(errno)") }
            offset += written
        }
        return path
    }
}
