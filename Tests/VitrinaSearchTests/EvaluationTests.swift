import Foundation
import Testing
import VitrinaIndex
import VitrinaModel

@testable import VitrinaSearch

@Suite("Evaluation")
struct EvaluationTests {
    @Test func metricsOfOneRanking() {
        let relevant = ["a": 2, "b": 1, "c": 1]
        let first = Evaluation.scores(["a", "x", "b"], relevant)
        #expect(first.mrr == 1 && first.top1 == 1)
        #expect(abs(first.precision10 - 2.0 / 3) < 1e-9 && abs(first.recall10 - 2.0 / 3) < 1e-9)
        let ideal = 3 + 1 / log2(3.0) + 1 / 2.0
        #expect(abs(first.ndcg10 - (3 + 1 / 2.0) / ideal) < 1e-9)

        let second = Evaluation.scores(["x", "c"], relevant)
        #expect(second.mrr == 0.5 && second.top1 == 0)
        #expect(
            Evaluation.scores([], relevant) == RankingMetrics(mrr: 0, ndcg10: 0, recall10: 0, precision10: 0, top1: 0))

        // Twelve relevant products, five of them in the first ten: P@10 over ten, recall over twelve.
        let many = Dictionary(uniqueKeysWithValues: (0..<12).map { ("r\($0)", 1) })
        let ranking = (0..<5).flatMap { ["r\($0)", "n\($0)"] }
        let crowded = Evaluation.scores(ranking, many)
        #expect(crowded.precision10 == 0.5 && abs(crowded.recall10 - 5.0 / 12) < 1e-9 && crowded.mrr == 1)
        // Ranks past ten do not count.
        #expect(Evaluation.scores((0..<10).map { "n\($0)" } + ["a"], relevant).mrr == 0)
    }

    @Test func judgedLinesLabelOnlyWhatTheyCarry() throws {
        let decoder = JSONDecoder()
        let old = try decoder.decode(
            JudgedQuery.self,
            from: Data(
                #"""
                {"query": "где купить телевизор", "language": "ru", "expected": {"intent": "where_to_buy",
                 "sort": "relevance", "vendor": [], "price": null, "color": []}, "relevant": {"tv1": 2}}
                """#.utf8))
        #expect(old.queryClass == "all" && old.split == nil && old.id == nil)
        #expect(old.expected?.labelsPrice == true && old.expected?.price == nil && old.expected?.vendor == [])

        let real = try decoder.decode(
            JudgedQuery.self,
            from: Data(
                #"""
                {"id": "21vek-cheapest-0001", "class": "cheapest", "catalog": "21vek", "split": "test",
                 "query": "самый дешёвый чайник", "language": "ru", "expected": {"sort": "price_asc"},
                 "relevant": {"kettle/1": 2}}
                """#.utf8))
        #expect(real.queryClass == "cheapest" && real.split == "test" && real.catalog == "21vek")
        #expect(real.expected?.labelsPrice == false && real.expected?.intent == nil && real.expected?.vendor == nil)
        #expect(Evaluation.headlineMetric(for: real.queryClass) == "top1")
        #expect(Evaluation.headlineMetric(for: "known_item") == "mrr")
        #expect(Evaluation.headlineMetric(for: "attribute") == "precision10")

        #expect(throws: DecodingError.self) {
            try decoder.decode(JudgedQuery.self, from: Data(#"{"query": "чайник"}"#.utf8))
        }
    }

    @Test func reportsEachClassAndSplitAndScoresOnlyLabelledFields() throws {
        let path = NSTemporaryDirectory() + "vitrina-eval-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try IndexWriter(path: path)
        try writer.add(
            Product(
                id: "k1", title: "Чайник электрический Tefal KO150", categoryPath: ["Кухня", "Чайники"], price: 90,
                currency: "BYN"))
        try writer.add(
            Product(
                id: "k2", title: "Чайник электрический Bosch TWK", categoryPath: ["Кухня", "Чайники"], price: 60,
                currency: "BYN"))
        try writer.add(
            Product(
                id: "m1", title: "Миксер Bosch MFQ", categoryPath: ["Кухня", "Миксеры"], price: 70, currency: "BYN"))
        try writer.commit()
        let reader = try IndexReader(path: path)
        let lines = [
            #"{"class": "known_item", "split": "dev", "query": "чайник tefal ko150", "language": "ru", "#
                + #""expected": {"sort": "relevance", "price": null}, "relevant": {"k1": 2}}"#,
            #"{"class": "known_item", "split": "test", "query": "миксер bosch mfq", "relevant": {"m1": 2}}"#,
            #"{"class": "cheapest", "split": "dev", "query": "самый дешёвый чайник", "#
                + #""expected": {"sort": "price_asc"}, "relevant": {"k2": 2}}"#,
        ]
        let queries = try lines.map { try JSONDecoder().decode(JudgedQuery.self, from: Data($0.utf8)) }
        let report = try Evaluation.run(queries, search: try VoiceSearch(reader: reader), reader: reader)
        #expect(report.queries == 3)
        #expect(
            report.classes.map { "\($0.queryClass)/\($0.split ?? "-")" } == [
                "known_item/dev", "known_item/test", "cheapest/dev",
            ])
        #expect(report.classes.map(\.metric) == ["mrr", "mrr", "top1"])
        // Plain any-word search finds both named products first.
        #expect(report.classes[0].keyword.mrr == 1 && report.classes[1].keyword.mrr == 1)
        // Fields are scored only where labelled: two queries label sort, one price, one language, none colour.
        #expect(report.parseLabelled["sort"] == 2 && report.parseLabelled["price"] == 1)
        #expect(report.parseLabelled["language"] == 1 && report.parseLabelled["color"] == nil)
        #expect(report.parseLabelled["all"] == 2 && report.classes[1].parseLabelled.isEmpty)
    }
}
