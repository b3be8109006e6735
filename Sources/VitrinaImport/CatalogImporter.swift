import Foundation
import VitrinaCatalog
import VitrinaIndex

/// Imports catalog files (YML, CommerceML, CSV, JSONL, reviews and posts) into an index as one
/// commit: all or nothing.
///
/// Full product records add or replace products; price/stock-only records update products
/// already in the index; deletion records delete; reviews and posts are attached to the
/// products they name (by id, SKU, barcode or URL) once every file is read, and replace the
/// reviews those products had: their count, average rating and texts. With
/// ``ImportOptions/full`` the product files are the whole catalog and products absent from them
/// are deleted. Nothing is visible until ``finish()`` commits; if anything throws before, the
/// index stays at its last commit.
///
/// ```swift
/// let importer = try CatalogImporter(indexPath: "shop.index")
/// try importer.importFile("feed.yml")
/// let report = try importer.finish()
/// ```
public final class CatalogImporter {
    /// Progress of the file being read, for a progress display.
    public struct Progress: Sendable {
        /// The file.
        public var path: String
        /// Records read in it so far.
        public var records: Int
        /// Bytes read in it so far.
        public var bytes: Int
        /// Its size, when known.
        public var totalBytes: Int?
    }

    private let indexPath: String
    /// The writer, until ``finish()`` commits and releases the index.
    private var openWriter: IndexWriter?
    private let options: ImportOptions
    private let start = ContinuousClock.now
    private var report = ImportReport()
    private var locator = ProductLocator()
    private var pendingSocial: [(SocialItem, SourceLocation)] = []
    /// Ids of products read from product files (kept only for `--full`).
    private var seen: Set<String> = []
    /// Whether product keys (SKU, barcode, URL, title) are kept for attaching reviews: always,
    /// unless ``importFiles(_:progress:)`` knows no review file is coming (memory on big feeds).
    private var remembersProductKeys = true
    private var productRecords = 0

    /// Opens the index at `indexPath` for writing (created when missing).
    ///
    /// - Parameters:
    ///   - indexPath: The index directory.
    ///   - options: How records are read and applied.
    ///   - bufferBytes: The writer's indexing buffer.
    ///   - recover: Roll the index back to its last consistent commit first (see
    ///     ``VitrinaIndex/IndexWriter``), instead of refusing a directory that needs it.
    ///   - threads: Indexing threads of the writer (each with its own buffer).
    /// - Throws: ``IndexError`` (`locked` when another writer has it, `needs-repair`).
    public init(
        indexPath: String, options: ImportOptions = ImportOptions(), bufferBytes: Int = 64 << 20, recover: Bool = false,
        threads: Int = 1
    ) throws {
        self.indexPath = indexPath
        self.options = options
        openWriter = try IndexWriter(path: indexPath, bufferBytes: bufferBytes, recover: recover, threads: threads)
    }

    /// The writer; after ``finish()`` the importer cannot be used.
    private var writer: IndexWriter {
        get throws {
            guard let openWriter else {
                throw ImportProblem(
                    location: SourceLocation(file: indexPath, line: 0), message: "import already finished")
            }
            return openWriter
        }
    }

    /// Records read so far in finished files.
    public var recordsSoFar: Int { report.records }
    /// Bytes read so far in finished files.
    public var bytesSoFar: Int { report.bytes }

    /// Reads several files in order; a CommerceML catalog and an offers package in the same
    /// folder are read together, as one exchange (products with their prices and stock).
    ///
    /// - Throws: As ``importFile(_:progress:)``.
    public func importFiles(_ paths: [String], progress: ((Progress) -> Void)? = nil) throws {
        var formats: [String: CatalogFormat] = [:]
        var packages: [String: String] = [:]  // folder → offers package
        var hasSocial = false
        for path in paths {
            let format = try options.format ?? CatalogFormat.detect(path: path)
            formats[path] = format
            if format == .social { hasSocial = true }
            if format == .commerceml, try CatalogFormat.isCommerceMLOffersPackage(path: path) {
                packages[Self.folder(of: path)] = path
            }
        }
        if !hasSocial { remembersProductKeys = false }  // pass every file of an import in one call
        let catalogFolders = Set(
            paths.filter { formats[$0] == .commerceml && !packages.values.contains($0) }.map(Self.folder))
        var used: Set<String> = []  // packages read with a catalog
        for path in paths {
            let folder = Self.folder(of: path)
            if packages.values.contains(path), catalogFolders.contains(folder) {
                continue  // read together with its catalog
            }
            if formats[path] == .commerceml, let offers = packages[folder], !used.contains(offers) {
                used.insert(offers)
                var reader = try CommerceMLReader(importPath: path, offersPath: offers)
                try importItems(from: &reader, path: path, format: .commerceml, progress: progress)
            } else {
                try importFile(path, progress: progress)
            }
        }
    }

    private static func folder(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    /// Reads one file (its format detected from content unless ``ImportOptions/format`` is set).
    ///
    /// - Throws: ``ImportProblem`` for an unreadable file, or for the first bad record with
    ///   ``ImportOptions/strict``; ``IndexError`` when the index cannot be written.
    public func importFile(_ path: String, progress: ((Progress) -> Void)? = nil) throws {
        let format = try options.format ?? CatalogFormat.detect(path: path)
        var reader = try CatalogReaders.open(path, format: format, options: options)
        try importItems(from: &reader, path: path, format: format, progress: progress)
    }

    /// Reads every item of `reader` (the file `path` in `format`).
    func importItems(
        from reader: inout some CatalogReader, path: String, format: CatalogFormat, progress: ((Progress) -> Void)?
    ) throws {
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        var records = 0
        while let item = try reader.next() {
            records += 1
            try apply(item)
            progress?(Progress(path: path, records: records, bytes: reader.bytesRead, totalBytes: totalBytes))
        }
        report.records += records
        report.bytes += reader.bytesRead
        report.files.append(ImportReport.File(path: path, format: format, records: records, bytes: reader.bytesRead))
    }

    /// Attaches reviews and posts, applies `--full` deletions, commits, releases the index and
    /// returns the report.
    ///
    /// - Throws: ``ImportProblem`` when `--full` is asked without any product file;
    ///   ``IndexError`` when the commit fails (the index stays at its last commit).
    public func finish() throws -> ImportReport {
        try attachSocial()
        if options.full {
            guard productRecords > 0 else {
                throw ImportProblem(
                    location: SourceLocation(file: report.files.first?.path ?? "", line: 0),
                    message: "--full needs at least one product file: nothing would be left in the index")
            }
            var absent: [String] = []
            try writer.forEachID { if !seen.contains($0) { absent.append($0) } }
            for id in absent where try writer.delete(id: id) { report.deletedAsAbsent += 1 }
        }
        let commit = try writer.commit()
        openWriter = nil  // releases the index's write lock
        report.added = commit.added
        report.updated = commit.updated
        report.deleted = commit.deleted
        report.documents = commit.documents
        report.segments = commit.segments
        let elapsed = start.duration(to: .now)
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return report
    }

    // MARK: - Records

    private func apply(_ item: CatalogItem) throws {
        switch item {
        case .skipped(let problem):
            if options.strict { throw problem }
            report.skipped += 1
            if problem.isDuplicateID { report.duplicateIDs += 1 }
            list(problem, in: &report.skippedRecords)
        case .warning(let problem):
            report.warnings += 1
            list(problem, in: &report.warningRecords)
        case .entry(.product(let product), _):
            productRecords += 1
            if options.full { seen.insert(product.id) }
            if remembersProductKeys { locator.remember(product) }
            try writer.add(product)
        case .entry(.offerUpdate(let update), let location):
            productRecords += 1
            if options.full { seen.insert(update.id) }
            guard var product = try writer.product(id: update.id) else {
                unknown(update.id, at: location, "price/stock record for a product the index does not have")
                return
            }
            if let price = update.price { product.price = price }
            if let oldPrice = update.oldPrice { product.oldPrice = oldPrice }
            if let currency = update.currency { product.currency = currency }
            if let available = update.available { product.available = available }
            try writer.add(product)
            report.offersUpdated += 1
        case .entry(.deletion(let id), let location):
            if try !writer.delete(id: id) { unknown(id, at: location, "deletion of a product the index does not have") }
        case .entry(.social(let social), let location):
            pendingSocial.append((social, location))
        }
    }

    private func unknown(_ id: String, at location: SourceLocation, _ reason: String) {
        report.unknownIDs += 1
        list(ImportProblem(location: location, recordID: id, message: reason), in: &report.unresolved, coded: false)
    }

    private func list(_ problem: ImportProblem, in listed: inout [ImportReport.Listed], coded: Bool = true) {
        guard listed.count < options.listLimit else { return }
        listed.append(
            ImportReport.Listed(
                location: problem.location.description, id: problem.recordID, field: problem.field,
                reason: problem.message, code: coded ? problem.code.rawValue : nil))
    }

    // MARK: - Reviews and posts

    /// Resolves every pending review and post to its product and rewrites those products.
    private func attachSocial() throws {
        guard !pendingSocial.isEmpty else { return }
        let committed = try? IndexReader(path: indexPath)
        var aggregates: [String: SocialAggregate] = [:]
        var order: [String] = []
        for (item, location) in pendingSocial {
            let id = try locator.locate(
                item.product, exists: { try writer.product(id: $0) != nil }, committed: committed)
            guard let id else {
                report.socialUnresolved += 1
                let reference = [
                    item.product.id.map { "id \($0)" }, item.product.sku.map { "sku \($0)" },
                    item.product.barcode.map { "barcode \($0)" }, item.product.url.map { "url \($0)" },
                    item.product.title.map { "name \($0)" },
                ].compactMap { $0 }.joined(separator: ", ")
                list(
                    ImportProblem(
                        location: location, recordID: reference.isEmpty ? nil : reference,
                        message: "\(item.kind.rawValue) names no product of the catalog"),
                    in: &report.unresolved, coded: false)
                continue
            }
            if aggregates[id] == nil { order.append(id) }
            aggregates[id, default: SocialAggregate()].add(item)
            report.socialAttached += 1
        }
        pendingSocial = []
        for id in order {
            guard let aggregate = aggregates[id], var product = try writer.product(id: id) else { continue }
            product.reviews = aggregate.newestTexts(options.reviewTextsPerProduct)
            if aggregate.reviews > 0 { product.reviewCount = aggregate.reviews }
            if let rating = aggregate.averageRating { product.rating = (rating * 100).rounded() / 100 }
            try writer.add(product)
            report.productsWithSocial += 1
        }
    }
}
