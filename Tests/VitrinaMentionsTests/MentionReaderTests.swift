import Foundation
import Testing

@testable import VitrinaMentions

/// Reading mention exports: JSONL (VK nesting), CSV (Russian headers, quotes), Telegram exports,
/// and every problem with its location.
@Suite("Mention reader")
struct MentionReaderTests {
    func read(_ text: String, name: String = "in.jsonl") throws -> MentionReader {
        var reader = MentionReader(defaultSource: "vk")
        try reader.read(data: Data(text.utf8), name: name)
        return reader
    }

    @Test func readsVKStyleJSONLines() throws {
        let reader = try read(
            """
            {"id": "wall-1_2", "type": "post", "date": 1790000000, "text": "Отлично!", "from_name": "Анна", \
            "likes": {"count": 12}, "reposts": {"count": 3}, "comments": {"count": 4}, "author_followers": "1,2K", \
            "product_id": "el-1", "url": "https://vk.com/wall-1_2"}

            {"text": "без id", "date": "2026-11-01"}
            """)
        #expect(reader.problems.isEmpty)
        #expect(reader.mentions.count == 2)
        let first = reader.mentions[0]
        #expect(first.id == "wall-1_2" && first.kind == .post && first.source == "vk")
        #expect(first.likes == 12 && first.reposts == 3 && first.comments == 4 && first.followers == 1200)
        #expect(first.product?.id == "el-1" && first.author == "Анна" && first.date == 1_790_000_000)
        let second = reader.mentions[1]
        #expect(second.id.hasPrefix("vk-") && second.date == 1_793_491_200)
        // The same record gets the same id again, so re-imports replace it.
        #expect(try read(#"{"text": "без id", "date": "2026-11-01"}"#).mentions[0].id == second.id)
    }

    @Test func readsMarketplaceCSVWithRussianHeaders() throws {
        let reader = try read(
            """
            ID отзыва;Артикул;Текст отзыва;Оценка;Дата;Имя
            mp-1;SKU-9;"Хорошо; но ""шумит""
            немного";4;01.11.2026 10:30;Ирина
            mp-2;SKU-9;Плохо;семь;02.11.2026;Олег
            mp-3;SKU-9;;5;02.11.2026;Олег
            """, name: "wb.csv")
        #expect(reader.mentions.map(\.id) == ["mp-1", "mp-2"])
        #expect(reader.mentions[0].text == "Хорошо; но \"шумит\"\nнемного")
        #expect(reader.mentions[0].rating == 4 && reader.mentions[0].product?.sku == "SKU-9")
        #expect(reader.mentions[0].date == 1_793_529_000)
        let rating = try #require(reader.problems.first { $0.field == "rating" })
        #expect(rating.location == "wb.csv:4" && !rating.skipped)
        let text = try #require(reader.problems.first { $0.field == "text" })
        #expect(text.location == "wb.csv:5" && text.skipped && text.recordID == "mp-3")
    }

    @Test func readsTelegramExports() throws {
        let reader = try read(
            """
            {
             "name": "Канал",
             "messages": [
              {"id": 1, "type": "service", "action": "create_channel"},
              {"id": 2, "type": "message", "date": "2026-11-01T10:00:00", "from": "Алесь",
               "text": ["Усё ", {"type": "bold", "text": "выдатна"}], "reactions": [{"count": 5}, {"count": 2}]}
             ]
            }
            """, name: "result.json")
        #expect(reader.mentions.count == 1)
        let message = try #require(reader.mentions.first)
        #expect(message.text == "Усё выдатна" && message.source == "telegram" && message.likes == 7)
        #expect(message.author == "Алесь" && message.id == "2")
    }

    @Test func badLinesAreReportedNotDropped() throws {
        let reader = try read(
            "{\"id\": \"1\", \"text\": \"ok\"}\n{not json\n{\"id\": \"3\", \"text\": \"x\", \"likes\": \"много\"}\n")
        #expect(reader.mentions.map(\.id) == ["1", "3"])
        #expect(reader.problems.map(\.location) == ["in.jsonl:2", "in.jsonl:3"])
        #expect(reader.problems[0].skipped && !reader.problems[1].skipped)
        #expect(throws: MentionsError.self) { try read("a,b\n\"never closed\n", name: "x.csv") }
    }

    @Test func datesInEveryAcceptedForm() {
        #expect(MentionReader.date("1790000000") == 1_790_000_000)
        #expect(MentionReader.date("1790000000000") == 1_790_000_000)
        #expect(MentionReader.date("2026-11-01T10:30:00Z") == 1_793_529_000)
        #expect(MentionReader.date("2026-11-01 10:30") == 1_793_529_000)
        #expect(MentionReader.date("01.11.2026") == 1_793_491_200)
        #expect(MentionReader.date("32.13.2026") == nil)
        #expect(MentionReader.date("вчера") == nil)
    }
}
