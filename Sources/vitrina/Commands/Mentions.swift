import ArgumentParser
import Foundation
import VitrinaMentions

/// `vitrina mentions …`: reputation monitoring of reviews, posts and comments.
struct Mentions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import mentions and report tonality, topics, trends, alerts, advocates and incidents.",
        subcommands: [
            MentionsImport.self, MentionsReportCommand.self, MentionsAlertsCommand.self, MentionsTopicsCommand.self,
            MentionsAuthorsCommand.self, MentionsIncidentsCommand.self, MentionsSummaryCommand.self,
        ]
    )
}

/// `vitrina mentions import --store DIR [--source S] [--strict] [--json] FILE...`.
struct MentionsImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import mention files (JSONL, JSON, Telegram export, CSV) into a mentions store in one commit.",
        discussion: """
            Re-importing a mention id replaces the stored mention. Each mention gets its language and \
            tonality at import. Skipped records and dropped fields are listed with file:line.
            """
    )

    @Option(name: .long, help: "The mentions store (a directory; created when missing).")
    var store: String

    @Option(
        name: .long, help: "Source of records that name none (vk, telegram, youtube, forum, marketplace, maps, site).")
    var source = "other"

    @Option(name: .long, help: "A tonality model file (default: the shipped model).")
    var model: String?

    @Option(
        name: .long,
        help: "A product index: resolve mentions to its products and write DIR.mentions.json next to it for search.")
    var index: String?

    @Flag(name: .long, help: "Import nothing when any record is skipped.")
    var strict = false

    @Flag(name: .long, help: "Print the report as JSON (shape documented in README).")
    var json = false

    @Argument(help: "Mention files.")
    var files: [String]

    func run() throws {
        let analyzer = TonalityAnalyzer(model: try model.map { try TonalityModel(path: $0) } ?? .standard)
        let report = try MentionImporter(defaultSource: source, analyzer: analyzer).run(
            files: files, store: store, strict: strict)
        var summaries: MentionSummaries?
        if let index {
            let resolver = try ProductResolver(indexPath: index)
            let built = MentionSummaries.build(try MentionStore.read(path: store), resolve: resolver.resolve)
            try built.write(nextTo: index)
            summaries = built
        }
        if json {
            try printJSON(report)
            return
        }
        if let summaries, let index {
            print(
                "summaries of \(summaries.products.count) products written to \(MentionSummaries.path(nextTo: index))")
        }
        print(
            "read \(report.read) mentions: \(report.added) added, \(report.updated) updated; "
                + "\(report.stored) in the store; \(report.skipped) skipped, \(report.warnings) warnings")
        print(
            "tonality: "
                + ["positive", "negative", "neutral"].map { "\($0) \(report.tonality[$0] ?? 0)" }.joined(
                    separator: ", "))
        for problem in report.problems.prefix(50) { print("  \(problem)") }
        if report.problems.count > 50 { print("  … \(report.problems.count - 50) more (--json lists all)") }
    }
}
