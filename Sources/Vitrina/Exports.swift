// The one module a storefront imports: `import Vitrina` brings the catalog readers and the
// importer, the index (write, search, check), voice search and the query parser, mentions, the
// page audit, text analysis and the shared model types.
@_exported import VitrinaAudit
@_exported import VitrinaCatalog
@_exported import VitrinaImport
@_exported import VitrinaIndex
@_exported import VitrinaMentions
@_exported import VitrinaModel
@_exported import VitrinaSearch
@_exported import VitrinaText
@_exported import VitrinaVoice
