import Testing
import VitrinaModel

@testable import VitrinaMentions

/// Tonality: negation scope, contrast, Belarusian, emoji and emoticons, shop complaints, the model file.
@Suite("Tonality")
struct TonalityTests {
    let analyzer = TonalityAnalyzer()
    let lexiconOnly = TonalityAnalyzer(model: nil)

    func label(_ text: String, _ language: Language? = nil) -> TonalityResult.Label {
        analyzer.tonality(of: text, language: language).label
    }

    @Test func blankTextIsNeutralZero() {
        #expect(analyzer.tonality(of: "") == .empty)
        #expect(analyzer.tonality(of: "   \t ") == .empty)
    }

    @Test func plainPraiseAndComplaints() {
        #expect(label("Отличный чайник, рекомендую!") == .positive)
        #expect(label("Заказ не пришёл, верните деньги") == .negative)
        #expect(label("Брак, сломался через неделю") == .negative)
        #expect(label("Маломерит на размер, оформила возврат") == .negative)
        #expect(label("Подскажите, когда будет доставка в Гродно?") == .neutral)
    }

    @Test func negationFlipsTheNextWordWithinItsScope() {
        #expect(label("Не рекомендую этот магазин") == .negative)
        #expect(label("Качество не очень") == .negative)
        #expect(label("Телефон не очень хороший") == .negative)
        #expect(label("Ни разу не пожалела о покупке") == .positive)
        // The scope ends at a comma: «не» does not reach «отличный».
        #expect(lexiconOnly.tonality(of: "Курьер не звонил, отличный сервис").score > 0)
        let negated = lexiconOnly.tonality(of: "не хороший")
        let plain = lexiconOnly.tonality(of: "хороший")
        #expect(negated.score < 0 && plain.score > 0)
    }

    @Test func contrastWeighsWhatFollows() {
        #expect(label("Дороговато, но качество отличное, очень довольна") == .positive)
        #expect(label("Выглядит красиво, но сломался через неделю") == .negative)
        #expect(label("Выглядае прыгожа, але зламаўся праз тыдзень", .be) == .negative)
        let before = lexiconOnly.tonality(of: "Доставка ужасная, но товар хороший").score
        let reversed = lexiconOnly.tonality(of: "Товар хороший, но доставка ужасная").score
        #expect(before > reversed)
    }

    @Test func belarusian() {
        #expect(label("Вельмі задаволены пакупкай, раю ўсім!") == .positive)
        #expect(label("Жахлівая якасць, зламаўся праз тыдзень") == .negative)
        #expect(label("Фільм ніякі, шкада часу") == .negative)
        #expect(label("Ніякіх праблем, усё працуе выдатна") == .positive)
        #expect(analyzer.detect("Дзякуй, усё спадабалася") == .be)
    }

    @Test func emojiAndEmoticons() {
        #expect(lexiconOnly.tonality(of: "чайник 👍").label == .positive)
        #expect(lexiconOnly.tonality(of: "чайник 😡").label == .negative)
        #expect(lexiconOnly.tonality(of: "ну вот и всё )))").label == .positive)
        #expect(lexiconOnly.tonality(of: "опять связи нет (((").label == .negative)
        // A parenthesis that closes is punctuation, not a smile.
        #expect(lexiconOnly.tonality(of: "Модель (2024 года) в коробке").score == 0)
    }

    @Test func elongatedWordsAreRecognizedAndStronger() {
        let long = lexiconOnly.tonality(of: "супеееер")
        #expect(long.label == .positive)
        #expect(long.score > lexiconOnly.tonality(of: "супер").score)
    }

    @Test func sentencesGetTheirOwnTonality() {
        let sentences = analyzer.sentences(of: "Доставили быстро, спасибо! Но чайник течёт. Что делать?")
        #expect(sentences.map(\.tonality.label) == [.positive, .negative, .neutral])
        #expect(sentences[1].text == "Но чайник течёт.")
    }

    @Test func shippedLexiconAndModelParse() throws {
        #expect((Lexicon.standard.entryCounts[.ru] ?? 0) > 800)
        #expect((Lexicon.standard.entryCounts[.be] ?? 0) > 400)
        #expect(TonalityModel.standard.featureCount > 1000)
        let copy = try TonalityModel(text: TonalityModel.standard.serialized(), name: "copy")
        #expect(copy.featureCount == TonalityModel.standard.featureCount)
        let text = "Не пришёл заказ, поддержка молчит"
        #expect(
            TonalityAnalyzer(model: copy).tonality(of: text) == TonalityAnalyzer().tonality(of: text))
    }

    @Test func badModelAndLexiconFilesNameTheLine() {
        #expect(throws: MentionsError.self) { try TonalityModel(text: "something else", name: "m") }
        do {
            _ = try TonalityModel(text: "vitrina-tonality-model 1\nx:bias\t1\t2\n", name: "m.model")
            Issue.record("a short weight line was accepted")
        } catch let error as MentionsError {
            #expect(error.location == "m.model:2")
        } catch {
            Issue.record("unexpected \(error)")
        }
        do {
            _ = try Lexicon(text: "[ru]\nоколо отличный\n", name: "lex")
            Issue.record("a line without a score was accepted")
        } catch let error as MentionsError {
            #expect(error.location == "lex:2")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func trainerLearnsFromRatedReviews() {
        var examples: [TonalityTrainer.Example] = []
        // Words the lexicon does not know: the model must learn them from the stars.
        for index in 0..<40 {
            examples.append(TonalityTrainer.Example(text: "зюзя номер \(index) фырчит", label: .negative))
            examples.append(TonalityTrainer.Example(text: "зюзя номер \(index) мурлычет", label: .positive))
            examples.append(TonalityTrainer.Example(text: "зюзя номер \(index) стоит", label: .neutral))
        }
        let model = TonalityTrainer().train(examples)
        let trained = TonalityAnalyzer(model: model)
        #expect(trained.tonality(of: "моя зюзя фырчит").label == .negative)
        #expect(trained.tonality(of: "моя зюзя мурлычет").label == .positive)
        #expect(TonalityTrainer.Example.label(forRating: 2) == .negative)
        #expect(TonalityTrainer.Example.label(forRating: 3) == .neutral)
        #expect(TonalityTrainer.Example.label(forRating: 4) == .positive)
        #expect(TonalityTrainer.Example.label(forRating: 9) == nil)
    }
}
