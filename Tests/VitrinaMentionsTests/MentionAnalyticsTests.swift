import Foundation
import Testing
import VitrinaModel

@testable import VitrinaMentions

/// Topics, trends and alerts, authors, incidents, product summaries and the HTML report.
@Suite("Mention analytics")
struct MentionAnalyticsTests {
    static let day = 86_400.0
    static let start = 1_790_000_000.0

    /// A month of ordinary mentions; with `spike`, 60 complaints that the kettle leaks in the last three days.
    static func month(spike: Bool) -> [Mention] {
        let ordinary = [
            ("Доставили быстро, курьер вежливый", "p1"), ("Цена хорошая, всем советую", "p2"),
            ("Дастаўка хуткая, дзякуй", "p3"), ("Пылесос тихий, рекомендую", "p2"),
            ("Подскажите, есть ли в наличии?", "p1"), ("Упаковка мятая, но всё целое", "p3"),
        ]
        var mentions: [Mention] = []
        for dayNumber in 0..<30 {
            for index in 0..<12 {
                let (text, product) = ordinary[(dayNumber + index) % ordinary.count]
                mentions.append(
                    Mention(
                        id: "m\(dayNumber)-\(index)", text: text, source: "vk", author: "author\(index % 9)",
                        followers: 100, date: start + Double(dayNumber) * day + Double(index) * 600,
                        product: Mention.ProductReference(id: product)))
            }
        }
        if spike {
            let complaints = ["Чайник течёт из-под крышки", "Чайник протекает, это брак", "Чайнік цячэ, вярнула"]
            for index in 0..<60 {
                mentions.append(
                    Mention(
                        id: "s\(index)", text: complaints[index % 3] + (index % 2 == 0 ? "" : ", лужа на столе"),
                        source: "marketplace", author: "buyer\(index)",
                        date: start + Double(27 + index % 3) * day + Double(index) * 60,
                        product: Mention.ProductReference(id: "kettle")))
            }
        }
        return mentions
    }

    @Test func aPlantedSpikeRaisesAlertsAndAQuietMonthNone() {
        var options = ReportOptions()
        options.windowDays = 3
        let spiked = MentionAnalytics(options: options).report(Self.month(spike: true))
        let kinds = Set(spiked.alerts.map(\.kind))
        #expect(kinds.contains("topic") && kinds.contains("product-negative") && kinds.contains("negative-share"))
        let leak = spiked.alerts.first { $0.kind == "topic" }
        #expect(leak?.subject == "leak" && (leak?.observed ?? 0) > 0.3 && (leak?.pValue ?? 1) < 1e-6)
        #expect(spiked.alerts.first { $0.kind == "product-negative" }?.subject == "kettle")
        #expect(spiked.topics.first { $0.id == "leak" }?.trend == "emerging")
        let quiet = MentionAnalytics(options: options).report(Self.month(spike: false))
        #expect(quiet.alerts.isEmpty)
        // Below the minimum count nothing is flagged, however significant.
        options.minimumMentions = 100
        #expect(
            MentionAnalytics(options: options).report(Self.month(spike: true)).alerts.allSatisfy {
                $0.kind == "volume" || $0.observed < 1
            })
    }

    @Test func russianAndBelarusianWordsShareATopicWithQuotedSpans() throws {
        let report = MentionAnalytics().report(Self.month(spike: false))
        let delivery = try #require(report.topics.first { $0.id == "delivery" })
        // «Доставили» (ru) and «Дастаўка» (be) are one topic: 5 + 5 ru/be mentions in every 6.
        #expect(delivery.mentions == 120)
        let quote = try #require(delivery.examples.first)
        let characters = Array(quote.text)
        let matched = String(characters[quote.matchStart..<quote.matchEnd]).lowercased()
        #expect(matched.hasPrefix("дост") || matched.hasPrefix("даст"))
        let noisy = try #require(report.groups.products.first { $0.key == "p2" })
        #expect(noisy.topics.contains { $0.id == "noise" })
        #expect(!(report.groups.products.first { $0.key == "p1" }?.topics.contains { $0.id == "noise" } ?? true))
    }

    @Test func advocatesDetractorsAndOpinionLeaders() {
        var mentions: [Mention] = []
        for index in 0..<5 {
            mentions.append(
                Mention(id: "a\(index)", text: "Отличный магазин, рекомендую!", author: "fan", followers: 50_000))
            mentions.append(
                Mention(id: "b\(index)", text: "Ужасный сервис, не рекомендую", author: "critic", followers: 20))
        }
        mentions.append(Mention(id: "c", text: "Хороший магазин, всё понравилось", author: "quiet", followers: 10))
        mentions.append(Mention(id: "d", text: "Спасибо, всё отлично", author: "quiet", followers: 10))
        let report = MentionAnalytics().report(mentions)
        #expect(report.advocates.map(\.name) == ["fan", "quiet"])
        #expect(report.detractors.map(\.name) == ["critic"])
        #expect(report.opinionLeaders.first?.name == "fan" && report.opinionLeaders.first?.opinionLeader == true)
        #expect(!report.opinionLeaders.contains { $0.name == "critic" })
    }

    @Test func nearDuplicateComplaintsBecomeOneIncident() {
        let mentions = [
            Mention(id: "1", text: "Заказ не пришёл уже две недели, верните деньги", date: Self.start),
            Mention(id: "2", text: "Заказ не пришел уже две недели! Верните деньги", date: Self.start + 100),
            Mention(id: "3", text: "заказ не пришёл две недели, верните деньги!!!", date: Self.start + 200),
            Mention(id: "4", text: "Курьер нахамил и бросил коробку", date: Self.start + 300),
        ]
        let incidents = MentionAnalytics().report(mentions).incidents
        #expect(incidents.count == 1)
        #expect(incidents.first?.size == 3 && incidents.first?.mentionIDs == ["1", "2", "3"])
        #expect(IncidentGrouping.jaccard([1, 2, 3], [2, 3, 4]) == 0.5)
    }

    @Test func productSummariesAnswerWhatPeopleSay() throws {
        let summaries = MentionSummaries.build(Self.month(spike: true))
        let kettle = try #require(summaries.summary(for: "kettle"))
        #expect(kettle.mentions == 60 && kettle.negative > 50)
        #expect(kettle.criticized.first?.id == "leak" && kettle.topic("leak").criticized > 50)
        let answer = try #require(summaries.answer(for: "kettle", title: "чайник", language: .ru))
        #expect(answer.contains("пишут 60 раз,") && answer.contains("Жалуются: протекает"))
        let belarusian = try #require(summaries.answer(for: "kettle", title: "чайнік", language: .be))
        #expect(belarusian.hasPrefix("Пра чайнік пішуць 60 разоў") && belarusian.contains("працякае"))
        #expect(summaries.answer(for: "unknown", title: nil, language: .ru) == nil)
        #expect(
            summaries.answer(for: "kettle", title: nil, language: .ru)?.hasPrefix("Об этом товаре пишут 60 раз") == true
        )
        #expect(MentionSummaries.plural(21, "отзыв", "отзыва", "отзывов") == "отзыв")
        #expect(MentionSummaries.plural(12, "отзыв", "отзыва", "отзывов") == "отзывов")
        #expect(MentionSummaries.plural(3, "отзыв", "отзыва", "отзывов") == "отзыва")
        #expect(MentionSummaries.path(nextTo: "/x/shop.index/") == "/x/shop.index.mentions.json")
    }

    @Test func htmlReportIsSelfContainedAndEscaped() {
        var mentions = Self.month(spike: true)
        mentions.append(Mention(id: "x", text: "<script>alert(1)</script> ужасно", author: "<b>", date: Self.start))
        let html = ReportHTML.render(MentionAnalytics().report(mentions))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg") && html.contains("Тревоги"))
        #expect(!html.contains("<script>") && !html.contains("src=\"http") && !html.contains("<link"))
        #expect(html.contains("протекает"))
    }

    @Test func verbFormsAreNotFoundAsTopics() {
        for verb in ["оформляют", "выросла", "закажу", "сломался", "працуюць", "зламалася"] {
            #expect(TopicCatalog.looksLikeVerb(verb), "\(verb)")
        }
        for noun in ["корзине", "накрыўкі", "крышка", "детали", "пакет", "кабель"] {
            #expect(!TopicCatalog.looksLikeVerb(noun), "\(noun)")
        }
    }

    @Test func statistics() {
        #expect(abs(TrendStatistics.poissonUpperTail(observed: 0, expected: 3) - 1) < 1e-12)
        #expect(abs(TrendStatistics.poissonUpperTail(observed: 1, expected: 2) - (1 - exp(-2))) < 1e-9)
        #expect(TrendStatistics.poissonUpperTail(observed: 30, expected: 5) < 1e-9)
        #expect(TrendStatistics.proportionZ(hits: 50, total: 100, baseHits: 10, baseTotal: 100) > 5)
        #expect(abs(TrendStatistics.normalUpperTail(0) - 0.5) < 1e-12)
        #expect(DayNumber.name(0) == "1970-01-01" && DayNumber.name(20_757) == "2026-10-31")
        #expect(DayNumber.monday(20_757) == 20_752)
    }
}
