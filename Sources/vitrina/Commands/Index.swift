import ArgumentParser
import Foundation
import VitrinaCatalog
import VitrinaImport

/// `vitrina index`: imports catalog files into an index, as one commit.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import catalog files (YML, CommerceML, CSV, JSONL, reviews) into an index, as one commit.",
        discussion: """
            The format of each file is detected from its content (--format overrides). Full product \
            records add or replace products by id; price/stock-only records update products already \
            in the index; reviews and posts are attached to the products they name (id, SKU, barcode \
            or URL). Bad records are skipped and counted, and the first ones are listed with file, \
            line and reason; with --strict the first bad record aborts and the index is left as it \
            was. With --full the product files are the whole catalog: products they lack are deleted.
            """
    )

    @Option(name: .long, help: "The index directory (created when missing).")
    var index: String

    @Option(name: .long, help: "The format of every file: yml, commerceml, csv, jsonl or social (default: detect).")
    var format: CatalogFormat?

    @Option(name: .long, help: "CSV header preset: google, vk, onliner or generic (default: detect from the header).")
    var csvPreset: CSVPreset?

    @Option(name: .long, help: "CSV columns for fields, e.g. title=Название,price=Цена (see README for field names).")
    var map: String?

    @Flag(name: .long, help: "Abort on the first bad record, leaving the index untouched.")
    var strict = false

    @Flag(name: .long, help: "The product files are the whole catalog: delete products they do not contain.")
    var full = false

    @Flag(
        name: .long,
        help: "Roll a damaged index back to its last consistent commit first (as `vitrina check --repair`).")
    var recover = false

    @Option(name: .long, help: "Indexing buffer in MiB before a segment is flushed (per indexing thread).")
    var bufferMb = 64

    @Option(name: .long, help: "Indexing threads, each building its own segments (default: the number of cores).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print the report as JSON (shape documented in README).")
    var json = false

    @Argument(help: "Catalog files.")
    var files: [String]

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256") }
        guard (1...65_536).contains(bufferMb) else { throw ValidationError("--buffer-mb must be between 1 and 65536") }
    }

    func run() throws {
        let columnMap: CSVColumnMap
        do {
            columnMap = try map.map(CSVColumnMap.init(parsing:)) ?? CSVColumnMap()
        } catch let problem as ImportProblem {
            throw ValidationError(problem.message)
        }
        let importer = try CatalogImporter(
            indexPath: index,
            options: ImportOptions(strict: strict, full: full, format: format, csvPreset: csvPreset, csvMap: columnMap),
            bufferBytes: bufferMb << 20, recover: recover, threads: threads)
        let progress = Progress(enabled: !json)
        let start = ContinuousClock.now
        var done = (records: 0, bytes: 0)
        do {
            try importer.importFiles(files) { state in
                if state.records == 1 { done = (importer.recordsSoFar, importer.bytesSoFar) }
                progress.update(
                    records: done.records + state.records, bytes: done.bytes + state.bytes,
                    fileBytes: state.bytes, fileTotal: state.totalBytes, start: start)
            }
            let report = try importer.finish()
            progress.finish()
            if json { try printJSON(report) } else { print(ImportReportText(report).text) }
        } catch var problem as ImportProblem {
            progress.finish()
            if strict { problem.message += " (--strict: nothing was imported)" }
            throw problem
        }
    }
}

extension CatalogFormat: ExpressibleByArgument {}

extension CSVPreset: ExpressibleByArgument {}
