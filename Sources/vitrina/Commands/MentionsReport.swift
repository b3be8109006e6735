import ArgumentParser
import Foundation
import VitrinaMentions
import VitrinaModel

/// Options every reading `vitrina mentions` command shares.
struct MentionsReportOptions: ParsableArguments {
    @Option(name: .long, help: "The mentions store.")
    var store: String

    @Option(name: .long, help: "Start of the window trends and alerts look at (yyyy-MM-dd, UTC).")
    var since: String?

    @Option(name: .long, help: "End of the window, exclusive (yyyy-MM-dd); default: the day after the last mention.")
    var until: String?

    @Option(name: .long, help: "Window length in days when --since is not given.")
    var windowDays = 7

    @Option(name: .long, help: "Baseline length in days before the window.")
    var baselineDays = 28

    @Option(name: .long, help: "Mentions an alert needs in the window.")
    var minMentions = 50

    @Option(name: .long, help: "Only mentions of this product (id, SKU, barcode, URL or title).")
    var product: String?

    @Option(name: .long, help: "Only mentions of this brand.")
    var brand: String?

    @Option(name: .long, help: "How many topics, authors and incidents to list.")
    var top = 15

    @Option(name: .long, help: "A product index: show product titles next to their ids.")
    var index: String?

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, Self.day(value) == nil {
                throw ValidationError("\(name): expected yyyy-MM-dd, found \(value)")
            }
        }
        guard windowDays > 0, baselineDays > 0, minMentions > 0, top > 0 else {
            throw ValidationError("--window-days, --baseline-days, --min-mentions and --top must be positive")
        }
    }

    /// Unix seconds of a `yyyy-MM-dd` day (UTC); `nil` for any other form.
    static func day(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) })
        else { return nil }
        return MentionReader.parseDate(text)
    }

    /// The report over the store.
    func report() throws -> MentionReport {
        var options = ReportOptions()
        options.since = since.flatMap(Self.day)
        options.until = until.flatMap(Self.day)
        options.windowDays = windowDays
        options.baselineDays = baselineDays
        options.minimumMentions = minMentions
        options.product = product
        options.brand = brand
        options.top = top
        if let index { options.productTitles = try ProductResolver(indexPath: index).titles }
        let mentions = try MentionStore.read(path: store)
        return MentionAnalytics(options: options).report(mentions)
    }
}

/// `vitrina mentions report`: the whole picture, as text, JSON or a self-contained HTML page.
struct MentionsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Tonality over time, topics with trends, alerts, advocates, opinion leaders and incidents."
    )

    @OptionGroup var options: MentionsReportOptions

    @Option(name: .long, help: "Also write a self-contained HTML report to this file.")
    var html: String?

    func run() throws {
        let report = try options.report()
        if let html {
            do {
                try ReportHTML.render(report).write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure.io(html, "cannot write the HTML report", error)
            }
        }
        if options.json {
            try printJSON(report)
        } else {
            print(MentionsText.summary(report))
            if let html { print("HTML report: \(html)") }
        }
    }
}

/// `vitrina mentions alerts --since DATE`.
struct MentionsAlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract:
            "Significant changes since a date against the baseline before it (volume, negative share, topics, products).",
        discussion: "Exit status 0 either way; --json prints the alerts array."
    )

    @OptionGroup var options: MentionsReportOptions

    func run() throws {
        let report = try options.report()
        if options.json {
            try printJSON(report.alerts)
            return
        }
        if report.alerts.isEmpty { print("no alerts") }
        for alert in report.alerts { print(MentionsText.alert(alert)) }
    }
}

/// `vitrina mentions topics`.
struct MentionsTopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "Recurring topics, overall and per product, brand and category.")

    @OptionGroup var options: MentionsReportOptions

    func run() throws {
        let report = try options.report()
        if options.json {
            try printJSON(TopicsJSON(topics: report.topics, groups: report.groups))
            return
        }
        print(MentionsText.topics(report))
        for group in report.groups.products.prefix(options.top) {
            print(
                "  \(group.title ?? group.key): \(group.mentions) mentions, negative \(Int((group.negativeShare * 100).rounded()))% — "
                    + group.topics.map { "\($0.id) \($0.mentions)" }.joined(separator: ", "))
        }
    }

    struct TopicsJSON: Encodable {
        var version = 1
        var topics: [MentionReport.TopicFigures]
        var groups: MentionReport.Groups
    }
}

/// `vitrina mentions authors`.
struct MentionsAuthorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authors", abstract: "Advocates, detractors and opinion leaders.")

    @OptionGroup var options: MentionsReportOptions

    func run() throws {
        let report = try options.report()
        if options.json {
            try printJSON(
                AuthorsJSON(
                    advocates: report.advocates, detractors: report.detractors, opinionLeaders: report.opinionLeaders))
            return
        }
        print(MentionsText.authors(report))
    }

    struct AuthorsJSON: Encodable {
        var version = 1
        var advocates: [MentionReport.Author]
        var detractors: [MentionReport.Author]
        var opinionLeaders: [MentionReport.Author]
    }
}

/// `vitrina mentions incidents`.
struct MentionsIncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "Negative mentions grouped by near-duplicate text.")

    @OptionGroup var options: MentionsReportOptions

    func run() throws {
        let report = try options.report()
        if options.json {
            try printJSON(report.incidents)
            return
        }
        print(MentionsText.incidents(report))
    }
}

/// `vitrina mentions summary --product ID`: what search says for «что говорят о …».
struct MentionsSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "What shoppers say about a product: the spoken answer and its figures.",
        discussion: """
            With --index, reads the summaries file next to the product index (written by `mentions import \
            --index`) and the product's title; otherwise builds the summaries from --store.
            """
    )

    @Option(name: .long, help: "The mentions store (when there is no summaries file).")
    var store: String?

    @Option(name: .long, help: "The product index whose summaries file to read.")
    var index: String?

    @Option(name: .long, help: "The product id.")
    var product: String

    @Option(name: .long, help: "Answer language: ru or be.")
    var lang = "ru"

    @Flag(name: .long, help: "Print JSON (shape documented in README).")
    var json = false

    struct Output: Encodable {
        var version = 1
        var product: String
        var answer: String?
        var summary: MentionSummaries.Product?
    }

    func run() throws {
        guard lang == "ru" || lang == "be" else { throw ValidationError("--lang: ru or be") }
        var summaries: MentionSummaries?
        var title: String?
        if let index {
            summaries = try MentionSummaries.load(nextTo: index)
            title = try ProductResolver(indexPath: index).titles[product]
        }
        if summaries == nil {
            guard let store else {
                throw ValidationError("no summaries next to --index; give --store to build them")
            }
            summaries = MentionSummaries.build(try MentionStore.read(path: store))
        }
        let answer = summaries?.answer(for: product, title: title, language: lang == "be" ? .be : .ru)
        if json {
            try printJSON(Output(product: product, answer: answer, summary: summaries?.summary(for: product)))
        } else {
            print(
                answer
                    ?? (lang == "be" ? "Пра гэты тавар яшчэ нічога не пішуць." : "Об этом товаре пока ничего не пишут.")
            )
        }
    }
}
