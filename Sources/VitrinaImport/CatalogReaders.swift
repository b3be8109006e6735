import VitrinaCatalog

/// Opens the reader for a file of a given format.
enum CatalogReaders {
    /// A reader of `path` as `format` (CSV with the options' preset and column map).
    ///
    /// - Throws: ``ImportProblem`` when the file cannot be opened.
    static func open(_ path: String, format: CatalogFormat, options: ImportOptions) throws -> any CatalogReader {
        switch format {
        case .jsonl: return try JSONLProductReader(path: path)
        case .yml: return try YMLReader(path: path)
        case .commerceml:
            return try CatalogFormat.isCommerceMLOffersPackage(path: path)
                ? CommerceMLReader(importPath: nil, offersPath: path)
                : CommerceMLReader(importPath: path, offersPath: nil)
        case .csv: return try CSVCatalogReader(path: path, preset: options.csvPreset, map: options.csvMap)
        case .social: return try SocialReader(path: path)
        }
    }
}
