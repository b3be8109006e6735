extension IndexReader {
    /// How many documents of this snapshot hold `word` in any text field, as the query would look it
    /// up (its Russian and Belarusian stems and its normalized form; no typos, no prefixes).
    ///
    /// A dictionary lookup per field and segment, not a search: cheap enough to ask for every word of a
    /// spoken query ("is this word in the catalog", "how common is it"). Deleted documents still count
    /// until a merge purges them, as in every document frequency.
    ///
    /// - Parameters:
    ///   - word: One word.
    ///   - soundKey: Whether the word's sound key counts too (as it does in a search).
    /// - Returns: The largest document frequency among the word's terms; 0 for a word the catalog
    ///   does not have or for text that is not one word.
    /// - Throws: ``IndexError`` `corrupt` for damaged files.
    package func documentFrequency(ofWord word: String, soundKey: Bool = true) throws -> Int {
        let query = try ParsedQuery(word, mode: .any)
        guard let clause = query.clauses.first, var terms = clause.words.first, query.clauses.count == 1 else {
            return 0
        }
        if !soundKey { terms.removeAll(where: clause.soundKeys.contains) }
        var largest = 0
        for field in schema.textFields {
            for term in terms {
                let bytes = Array(term.utf8)
                var frequency = 0
                for segment in segments {
                    frequency += try segment.reader.termInfo(field: field, term: bytes)?.documentFrequency ?? 0
                }
                largest = max(largest, frequency)
            }
        }
        return largest
    }
}
