import Foundation

/// Words a query treats as one: `телевизор, тв, телик` — a query word matching any word of a
/// group (by its normalized form or its Russian or Belarusian stem) also matches the others.
///
/// A synonyms file has one group per line, words separated by commas; `#` starts a comment and
/// blank lines are skipped. Each entry is one word (phrases are not supported yet) and a group has
/// at least two. `vitrina synonyms set` stores the file next to an index (``path(nextTo:)``);
/// `search` and the search path of `ask` apply it at query time (``SearchRequest/synonyms``), so
/// changing it needs no re-import.
///
/// ```
/// # ru and be
/// телевизор, тв, телик, тэлевізар
/// пылесос, пыласос
/// ```
public struct Synonyms: Sendable, Equatable {
    /// The groups, as written (trimmed).
    public let groups: [[String]]
    /// Per group, every term its words are looked up as (normalized forms and stems).
    let groupTerms: [[String]]
    /// Per group, the sound keys of its words (looked up as they are, never corrected).
    let groupKeys: [Set<String>]
    /// The group of each normalized form and stem.
    private let groupOfTerm: [String: Int]

    /// Groups of words, each group at least two words, each word one word.
    ///
    /// - Throws: ``IndexError`` `malformed` naming the group.
    public init(groups: [[String]]) throws {
        let lines = groups.enumerated().map { ($0.element, "group \($0.offset + 1)", Int?.none) }
        try self.init(checked: lines, path: "synonyms")
    }

    private init(checked lines: [(words: [String], place: String, offset: Int?)], path: String) throws {
        var groups: [[String]] = []
        var groupTerms: [[String]] = []
        var groupKeys: [Set<String>] = []
        var groupOfTerm: [String: Int] = [:]
        for (words, place, offset) in lines {
            let trimmed = words.map { $0.trimmingCharacters(in: .whitespaces) }
            guard trimmed.count >= 2, !trimmed.contains(where: \.isEmpty) else {
                throw IndexError(
                    code: .malformed, path: path, offset: offset,
                    message:
                        "\(place): expected two or more words separated by commas, found \"\(words.joined(separator: ","))\""
                )
            }
            var terms: [String] = []
            var keys: Set<String> = []
            for word in trimmed {
                let analyzed = try ParsedQuery.wordsWithKinds(word)
                guard analyzed.count == 1, let entry = analyzed.first else {
                    throw IndexError(
                        code: .malformed, path: path, offset: offset,
                        message: "\(place): \"\(word)\" is not one word (phrases are not supported)")
                }
                for term in entry.terms where term != entry.key && !terms.contains(term) { terms.append(term) }
                if let key = entry.key { keys.insert(key) }
            }
            for term in terms where groupOfTerm[term] == nil { groupOfTerm[term] = groups.count }
            groups.append(trimmed)
            groupTerms.append(terms)
            groupKeys.append(keys)
        }
        self.groups = groups
        self.groupTerms = groupTerms
        self.groupKeys = groupKeys
        self.groupOfTerm = groupOfTerm
    }

    /// Reads a synonyms file's text.
    ///
    /// - Parameters:
    ///   - text: The file's text.
    ///   - path: The file, for errors.
    /// - Throws: ``IndexError`` `malformed` naming the file, the line's byte offset and the line.
    public init(parsing text: String, path: String) throws {
        var lines: [(words: [String], place: String, offset: Int?)] = []
        var offset = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { offset += line.utf8.count + 1 }
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !content.allSatisfy(\.isWhitespace) else { continue }
            let words = content.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            lines.append((words, "line \(number + 1)", offset))
        }
        try self.init(checked: lines, path: path)
    }

    /// The group a query word's terms belong to, if any.
    func group(of terms: [String]) -> Int? {
        for term in terms { if let group = groupOfTerm[term] { return group } }
        return nil
    }

    /// The file next to the index at `indexPath` (`shop.index.synonyms.txt`): outside the index
    /// directory, like the mentions summaries.
    public static func path(nextTo indexPath: String) -> String {
        var trimmed = indexPath
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + ".synonyms.txt"
    }

    /// The synonyms stored next to the index at `indexPath`; `nil` when there are none.
    ///
    /// - Throws: ``IndexError`` `malformed` for a bad file, `io` when it cannot be read.
    public static func load(nextTo indexPath: String) throws -> Synonyms? {
        let path = path(nextTo: indexPath)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError.io(path, "cannot read the synonyms file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw IndexError(code: .malformed, path: path, offset: nil, message: "not UTF-8 text")
        }
        return try Synonyms(parsing: text, path: path)
    }

    /// Writes the groups next to the index at `indexPath`, one line each (atomically: a reader
    /// sees the old file or the new one).
    ///
    /// - Throws: ``IndexError`` `io`.
    public func write(nextTo indexPath: String) throws {
        let path = Self.path(nextTo: indexPath)
        let text = groups.map { $0.joined(separator: ", ") + "\n" }.joined()
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw IndexError.io(path, "cannot write the synonyms file (\(error.localizedDescription))")
        }
    }
}
