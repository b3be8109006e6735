import Testing
import VitrinaModel

@testable import VitrinaMentions

/// Query phrases about reviews («тихий», «не маломерит», «с хорошими отзывами») and their scores.
@Suite("Review qualifiers")
struct ReviewQualifierTests {
    @Test func phrasesAreFoundAndRemovedFromTheQuery() {
        let parsed = ReviewQualifier.parse("Тихий пылесос Bosch с хорошими отзывами")
        #expect(parsed.qualifiers.map(\.wish) == [.topic("noise"), .wellReviewed])
        #expect(parsed.qualifiers.first?.phrase == "Тихий" && parsed.remainder == "пылесос Bosch")
        let size = ReviewQualifier.parse("джинсы размер в размер, не маломерит")
        #expect(size.qualifiers.map(\.wish) == [.topic("size")] && size.remainder == "джинсы")
        let belarusian = ReviewQualifier.parse("ціхі пыласос з добрымі водгукамі")
        #expect(belarusian.qualifiers.map(\.wish) == [.topic("noise"), .wellReviewed])
        #expect(belarusian.remainder == "пыласос")
        let leak = ReviewQualifier.parse("чайник, который не течёт")
        #expect(leak.qualifiers.map(\.wish) == [.topic("leak")] && leak.remainder == "чайник который")
        // «шумный» alone is not a wish for quiet, and nothing is found in a plain query.
        #expect(ReviewQualifier.parse("шумный пылесос").qualifiers.isEmpty)
        #expect(ReviewQualifier.parse("iPhone 14 128 ГБ").remainder == "iPhone 14 128 ГБ")
    }

    @Test func scoresFollowWhatReviewsSay() throws {
        var mentions: [Mention] = []
        for index in 0..<6 {
            mentions.append(
                Mention(
                    id: "q\(index)", text: "Пылесос тихий, рекомендую", product: Mention.ProductReference(id: "quiet")))
            mentions.append(
                Mention(
                    id: "l\(index)", text: "Пылесос очень шумный, гудит ужасно",
                    product: Mention.ProductReference(id: "loud")))
        }
        mentions.append(Mention(id: "x", text: "Доставили вовремя", product: Mention.ProductReference(id: "other")))
        let summaries = MentionSummaries.build(mentions)
        let quietProduct = try #require(summaries.summary(for: "quiet"))
        let loudProduct = try #require(summaries.summary(for: "loud"))
        let otherProduct = try #require(summaries.summary(for: "other"))
        let noise = try #require(ReviewQualifier.parse("тихий пылесос").qualifiers.first)
        let quiet = try #require(noise.score(quietProduct))
        let loud = try #require(noise.score(loudProduct))
        #expect(quiet > 0.8 && loud < 0.2)
        #expect(noise.score(otherProduct) == nil)
        let reviewed = ReviewQualifier(wish: .wellReviewed, phrase: "с хорошими отзывами")
        #expect((reviewed.score(quietProduct) ?? 0) > 0.8)
        #expect(noise.reason(quietProduct, language: .ru) == "о теме «шум» хорошо отзываются 6, жалуются 0")
        #expect(noise.reason(loudProduct, language: .be)?.hasPrefix("пра «шум»") == true)
    }
}
