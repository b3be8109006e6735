import Foundation
import VitrinaCatalog
import VitrinaImport

/// The plain-text form of an import report.
struct ImportReportText {
    let report: ImportReport

    init(_ report: ImportReport) { self.report = report }

    var text: String {
        var lines = [
            "records: \(report.records)  added: \(report.added)  updated: \(report.updated)  "
                + "deleted: \(report.deleted)  skipped: \(report.skipped)"
        ]
        for file in report.files {
            lines.append("  \(file.path): \(file.format.rawValue), \(file.records) records")
        }
        if report.offersUpdated > 0 { lines.append("price/stock updates applied: \(report.offersUpdated)") }
        if report.deletedAsAbsent > 0 {
            lines.append("deleted as absent from the feed (--full): \(report.deletedAsAbsent)")
        }
        if report.socialAttached + report.socialUnresolved > 0 {
            lines.append(
                "reviews and posts: \(report.socialAttached) attached to \(report.productsWithSocial) products, "
                    + "\(report.socialUnresolved) without a product")
        }
        if report.unknownIDs > 0 { lines.append("records naming ids the index does not have: \(report.unknownIDs)") }
        lines.append("index: \(report.documents) documents in \(report.segments) segments")
        lines.append(
            "time: \(String(format: "%.2f", report.seconds)) s, \(Int(report.recordsPerSecond)) records/s, "
                + "\(String(format: "%.1f", Double(report.bytes) / 1e6 / max(report.seconds, 1e-9))) MB/s")
        for record in report.skippedRecords {
            lines.append("skipped \(record.location): \(Self.describe(record))")
        }
        if report.skipped > report.skippedRecords.count {
            lines.append("… and \(report.skipped - report.skippedRecords.count) more skipped")
        }
        if report.duplicateIDs > 0 { lines.append("of the skipped, repeated ids: \(report.duplicateIDs)") }
        for record in report.warningRecords {
            lines.append("warning \(record.location): \(Self.describe(record))")
        }
        if report.warnings > report.warningRecords.count {
            lines.append("… and \(report.warnings - report.warningRecords.count) more warnings")
        }
        let unresolvedTotal = report.unknownIDs + report.socialUnresolved
        for record in report.unresolved {
            lines.append("unresolved \(record.location): \(Self.describe(record))")
        }
        if unresolvedTotal > report.unresolved.count {
            lines.append("… and \(unresolvedTotal - report.unresolved.count) more unresolved")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ record: ImportReport.Listed) -> String {
        var text = ""
        if let id = record.id { text += "\(id): " }
        if let field = record.field { text += "\(field): " }
        return text + record.reason
    }
}
