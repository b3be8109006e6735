import Foundation
import VitrinaModel
import VitrinaText

/// A tonality lexicon for Russian and Belarusian: scored stems and phrases, shop complaints,
/// negators, intensifiers, contrast and concession words, emoji.
///
/// Words of scored lines are matched by stem (the section's language stemmer), so one entry
/// covers the forms of a word; negators, intensifiers and contrast words are matched as written
/// (lowercase, `ё` read as `е`). ``defaultText`` is the shipped lexicon; its format is described
/// there.
///
/// ```swift
/// let lexicon = try Lexicon(text: "[ru]\n2 отличный\n")
/// ```
public struct Lexicon: Sendable {
    /// A scored stem or phrase.
    struct Entry: Sendable, Equatable {
        var score: Float
        var complaint: Bool
    }

    /// A phrase: the stems after its first one, and its entry.
    struct Phrase: Sendable {
        var rest: [String]
        /// ``FeatureHash/of(_:)`` of each stem of `rest`.
        var restHashes: [UInt64]
        var entry: Entry
    }

    /// The entries of one language.
    struct Table: Sendable {
        var words: [String: Entry] = [:]
        /// Phrases by their first stem, longest first.
        var phrases: [String: [Phrase]] = [:]
        /// Negators and the score of a negator nothing follows.
        var negators: [String: Float] = [:]
        var intensifiers: [String: Float] = [:]
        var contrast: Set<String> = []
        var concession: Set<String> = []
    }

    /// Tables for `ru` and `be`.
    let tables: [Language: Table]
    /// Emoji scalars and their scores.
    let emoji: [UInt32: Float]
    /// How many scored stems and phrases the lexicon has, per language.
    public let entryCounts: [Language: Int]

    /// Parses a lexicon in the format of ``defaultText``.
    ///
    /// - Parameters:
    ///   - text: The lexicon.
    ///   - name: The name used in error locations.
    /// - Throws: ``MentionsError`` `bad-model` naming the line of an unknown section or a score
    ///   that is not a number.
    public init(text: String, name: String = "lexicon") throws {
        var tables: [Language: Table] = [.ru: Table(), .be: Table()]
        var emoji: [UInt32: Float] = [:]
        var section = ""
        let stemmers: [Language: any Stemmer] = [.ru: RussianStemmer(), .be: BelarusianStemmer()]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let location = "\(name):\(number + 1)"
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            let words = line.split(separator: " ").map(String.init)
            let parts = section.split(separator: " ").map(String.init)
            if section == "emoji" {
                guard let score = Float(words[0]) else {
                    throw MentionsError(.badModel, location: location, message: "expected a score first")
                }
                for word in words.dropFirst() {
                    guard let scalar = word.unicodeScalars.first else { continue }
                    emoji[scalar.value] = score
                }
                continue
            }
            guard let first = parts.first, let language = Language(rawValue: first), let stemmer = stemmers[language]
            else {
                throw MentionsError(
                    .badModel, location: location,
                    message: "unknown section [\(section)]: expected [ru …], [be …] or [emoji]")
            }
            let kind = parts.count > 1 ? parts[1] : "words"
            var table = tables[language] ?? Table()
            switch kind {
            case "words", "complaint", "negation", "intensifier":
                guard let score = Float(words[0]) else {
                    throw MentionsError(
                        .badModel, location: location, message: "expected a number first, found \(words[0].prefix(20))")
                }
                for word in words.dropFirst() {
                    let folded = Self.fold(word)
                    switch kind {
                    case "negation": table.negators[folded] = score
                    case "intensifier": table.intensifiers[folded] = score
                    default:
                        let entry = Entry(score: score, complaint: kind == "complaint")
                        let stems = folded.split(separator: "_").map { stemmer.stem(String($0)) }
                        guard let head = stems.first else { continue }
                        if stems.count == 1 {
                            table.words[head] = entry
                        } else {
                            var list = table.phrases[head] ?? []
                            list.removeAll { $0.rest == Array(stems.dropFirst()) }
                            let rest = Array(stems.dropFirst())
                            list.append(Phrase(rest: rest, restHashes: rest.map(FeatureHash.of), entry: entry))
                            list.sort { $0.rest.count > $1.rest.count }
                            table.phrases[head] = list
                        }
                    }
                }
            case "contrast": table.contrast.formUnion(words.map(Self.fold))
            case "concession": table.concession.formUnion(words.map(Self.fold))
            default:
                throw MentionsError(
                    .badModel, location: location,
                    message:
                        "unknown section [\(section)]: expected complaint, negation, intensifier, contrast or concession"
                )
            }
            tables[language] = table
        }
        self.tables = tables
        self.emoji = emoji
        entryCounts = tables.mapValues { table in table.words.count + table.phrases.values.reduce(0) { $0 + $1.count } }
    }

    /// Lowercase with `ё` → `е`, as ``TextScanner`` reads words.
    static func fold(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            result.append(TextScanner.letter(scalar) ?? scalar)
        }
        return String(result)
    }

    /// The shipped lexicon (``defaultText``).
    public static let standard: Lexicon = {
        do {
            return try Lexicon(text: defaultText, name: "DefaultLexicon.swift")
        } catch {
            // The shipped text is checked by a unit test; this cannot happen in a released build.
            preconditionFailure("the default lexicon does not parse: \(error)")
        }
    }()
}
