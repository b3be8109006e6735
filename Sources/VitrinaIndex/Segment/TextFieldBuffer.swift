import VitrinaText

/// The in-memory inverted index of one text field while a segment is built: every term gets a
/// number once, and each token then costs one dictionary lookup and a few appends.
struct TextFieldBuffer {
    /// One term's postings while building.
    struct TermPostings {
        var documents: [UInt32] = []
        var frequencies: [UInt32] = []
        var positions: [UInt32] = []
    }

    /// Term → its number.
    private(set) var termNumbers: [UTF8Key: Int] = [:]
    /// Postings by term number.
    private(set) var postings: [TermPostings] = []
    /// Per document: the field's length in tokens.
    private(set) var lengths: [UInt16] = []
    /// Per term: the last document that had it (to start its posting once per document).
    private var lastDocument: [Int] = []
    /// Terms of the current document (scratch, reused).
    private var touched: [Int] = []

    /// Adds the tokens of document `document` (numbers must grow by one per call); returns the
    /// memory the new entries take, roughly.
    mutating func add(document: Int, terms: [(term: String, position: Int)], length: Int) -> Int {
        var bytes = 0
        touched.removeAll(keepingCapacity: true)
        for (term, position) in terms {
            let key = UTF8Key(term)
            let number: Int
            if let known = termNumbers[key] {
                number = known
            } else {
                number = postings.count
                termNumbers[key] = number
                postings.append(TermPostings())
                lastDocument.append(-1)
                bytes += term.utf8.count + 96
            }
            if lastDocument[number] != document {
                lastDocument[number] = document
                touched.append(number)
                postings[number].documents.append(UInt32(document))
                postings[number].frequencies.append(0)
                bytes += 8
            }
            postings[number].frequencies[postings[number].frequencies.count - 1] += 1
            postings[number].positions.append(UInt32(position))
            bytes += 4
        }
        // Positions of a term within a document must ascend; tokens come almost always in order
        // (compound parts share positions), so only an out-of-order tail is sorted.
        for number in touched {
            let frequency = Int(postings[number].frequencies[postings[number].frequencies.count - 1])
            guard frequency > 1 else { continue }
            let tail = (postings[number].positions.count - frequency)..<postings[number].positions.count
            let slice = postings[number].positions[tail]
            if !zip(slice, slice.dropFirst()).allSatisfy({ $0 <= $1 }) {
                postings[number].positions[tail].sort()
            }
        }
        while lengths.count < document { lengths.append(0) }
        lengths.append(UInt16(clamping: length))
        return bytes
    }

    /// Pads the lengths column to `count` documents (documents without the field).
    mutating func pad(to count: Int) {
        while lengths.count < count { lengths.append(0) }
    }
}
