import ArgumentParser
import Foundation
import VitrinaText

/// The texts and words `vitrina bench` measures on.
struct BenchCorpus {
    /// Product texts (titles, or titles and descriptions).
    var texts: [String]
    /// Where `texts` came from.
    var textSource: String
    /// Russian words, one per item.
    var russianWords: [String]
    /// Belarusian words, one per item.
    var belarusianWords: [String]
    /// Where the words came from.
    var wordSource: String

    /// Loads the shared data when present, else the repository's sample catalogs.
    static func load(shared: String) throws -> BenchCorpus {
        let catalog = URL(fileURLWithPath: shared).appendingPathComponent(
            "data/21vek-by-catalog/21vek_catalog_2023-07.jsonl")
        var texts: [String] = []
        var textSource: String
        if let data = FileManager.default.contents(atPath: catalog.path) {
            for line in data.split(separator: UInt8(ascii: "\n")) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let items = object["items"] as? [[String: Any]]
                else { continue }
                texts.append(contentsOf: items.compactMap { $0["name"] as? String })
            }
            textSource = catalog.path
        } else {
            texts = try sampleCatalogTexts()
            textSource = "Catalogs/*.jsonl (titles and descriptions)"
        }
        guard !texts.isEmpty else { throw ValidationError("no product text found for the benchmark") }

        let vocabulary = URL(fileURLWithPath: shared).appendingPathComponent("data/snowball-russian/voc.txt")
        var russianWords: [String]
        var wordSource: String
        if let data = FileManager.default.contents(atPath: vocabulary.path) {
            russianWords = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            wordSource = vocabulary.path
        } else {
            let analyzer = AnyAnalyzer(preset: .neutral)
            russianWords = try texts.flatMap { try analyzer.analyze($0) }.filter { $0.kind == .word }.map(\.normalized)
            wordSource = "words of the product text"
        }
        let belarusianWords = try loadBelarusianWords(shared: shared) ?? russianWords
        if belarusianWords.count != russianWords.count || belarusianWords == russianWords {
            wordSource += belarusianWords == russianWords ? " (both stemmers)" : "; be: UD Belarusian-HSE forms"
        }
        return BenchCorpus(
            texts: texts, textSource: textSource, russianWords: russianWords,
            belarusianWords: belarusianWords, wordSource: wordSource)
    }

    /// Lowercase word forms of UD Belarusian-HSE (`forms.tsv`, first column), when present.
    private static func loadBelarusianWords(shared: String) throws -> [String]? {
        let path = URL(fileURLWithPath: shared).appendingPathComponent("data/ud-belarusian-hse/forms.tsv").path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let normalizer = TextNormalizer(language: .be)
        let words = String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().compactMap {
            line -> String? in
            guard let form = line.split(separator: "\t").first else { return nil }
            let word = normalizer.normalize(String(form))
            return word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "'" } ? word : nil
        }
        return words.isEmpty ? nil : words
    }

    /// Titles and descriptions of the sample catalogs in `Catalogs/`.
    private static func sampleCatalogTexts() throws -> [String] {
        let folder = URL(fileURLWithPath: "Catalogs")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var texts: [String] = []
        for file in files.sorted() where file.hasSuffix(".jsonl") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                continue
            }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    continue
                }
                for key in ["title", "description"] {
                    if let text = object[key] as? String { texts.append(text) }
                }
            }
        }
        // Repeat the small sample so timings are not dominated by clock resolution.
        return Array(repeating: texts, count: max(1, 20_000 / max(1, texts.count))).flatMap { $0 }
    }
}
