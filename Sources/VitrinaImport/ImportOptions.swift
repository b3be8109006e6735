import VitrinaCatalog

/// How a ``CatalogImporter`` treats its input.
public struct ImportOptions: Sendable {
    /// Abort on the first skipped record; the index is left as it was at its last commit.
    public var strict: Bool
    /// Treat the imported product files as the whole catalog: delete products they do not contain.
    public var full: Bool
    /// The format of every file, instead of detecting it from content.
    public var format: CatalogFormat?
    /// How many skipped records, unknown offers and unresolved reviews the report lists (all are counted).
    public var listLimit: Int
    /// The CSV header preset, instead of detecting it from the header.
    public var csvPreset: CSVPreset?
    /// Explicit CSV columns for some fields (`--map`).
    public var csvMap: CSVColumnMap
    /// At most this many review and post texts are kept per product (the newest first when dated).
    public var reviewTextsPerProduct: Int

    /// Creates options.
    public init(
        strict: Bool = false, full: Bool = false, format: CatalogFormat? = nil, csvPreset: CSVPreset? = nil,
        csvMap: CSVColumnMap = CSVColumnMap(), listLimit: Int = 20, reviewTextsPerProduct: Int = 50
    ) {
        self.csvPreset = csvPreset
        self.csvMap = csvMap
        self.strict = strict
        self.full = full
        self.format = format
        self.listLimit = listLimit
        self.reviewTextsPerProduct = reviewTextsPerProduct
    }
}
