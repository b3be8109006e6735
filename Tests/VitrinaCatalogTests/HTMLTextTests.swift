import Foundation
import Testing

@testable import VitrinaCatalog

@Suite("HTML to text")
struct HTMLTextTests {
    @Test(arguments: [
        (
            "<p>Мощный&nbsp;пылесос.</p><ul><li>1900 Вт</li><li>Контейнер</li></ul>",
            "Мощный пылесос.\n1900 Вт\nКонтейнер"
        ),
        ("Строка<br>вторая<br/>третья<BR />", "Строка\nвторая\nтретья"),
        ("&laquo;Атлант&raquo; &mdash; 2&nbsp;000&#8212;3&#x2014;4", "«Атлант» — 2 000—3—4"),
        (
            "<table><tr><td>Вес</td><td>2 кг</td></tr><tr><th>Цвет</th><td>белый</td></tr></table>",
            "Вес 2 кг\nЦвет белый"
        ),
        ("<h2>Описание</h2>\n<p>Первая\nстрока абзаца.</p>", "Описание\nПервая строка абзаца."),
        ("Без разметки\nдве строки", "Без разметки\nдве строки"),
        ("цена < 100 руб и > 50", "цена < 100 руб и > 50"),
        ("1 < 2<b>жирный</b> <3 и 4>3", "1 < 2жирный <3 и 4>3"),
        ("до<!-- комментарий > с угловой -->после", "допосле"),
        ("<script>var x = '<p>нет</p>';</script><style>p{}</style>Текст", "Текст"),
        ("&#150; тире &#151; &#133; &#1; &#0;x", "– тире — … x"),
        ("&unknown; &amp;nbsp; &#xD800;", "&unknown; &nbsp; &#xD800;"),
        ("<p>   </p><p>\u{00A0}</p><div>Одно</div>", "Одно"),
        ("<?xml version=\"1.0\"?><p>Абзац", "Абзац"),
    ])
    func convertsFragments(html: String, text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test func brokenMarkupNeverFails() {
        #expect(HTMLText.plainText("<p>обрыв <b") == "обрыв <b")
        #expect(HTMLText.plainText("текст <!-- без конца") == "текст")
        #expect(HTMLText.plainText("<") == "<")
        #expect(HTMLText.plainText("&") == "&")
        #expect(HTMLText.plainText("<></>") == "<></>")
    }

    /// Many `<` without a `>` (or `&` without `;`) stay linear: a quadratic scan would take minutes here.
    @Test(.timeLimit(.minutes(1))) func hostileInputStaysLinear() {
        let opens = String(repeating: "< a", count: 200_000)
        #expect(HTMLText.plainText(opens).count == opens.count)
        let ampersands = String(repeating: "&x", count: 200_000)
        #expect(HTMLText.plainText(ampersands) == ampersands)
    }
}
