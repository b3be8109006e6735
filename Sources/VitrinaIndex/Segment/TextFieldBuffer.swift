import VitrinaText

/// The in-memory inverted index of one text field while a segment is built.
///
/// Terms arrive as numbers interned by the builder's ``VitrinaText/TermAnalysis`` (one number per
/// distinct term across all fields); each field maps a term number to its own postings slot with
/// an array lookup, so a token costs no hashing here, only a few appends.
struct TextFieldBuffer {
    /// One term's postings while building.
    struct TermPostings {
        var documents: [UInt32] = []
        var frequencies: [UInt32] = []
        var positions: [UInt32] = []
    }

    /// Postings by slot.
    private(set) var postings: [TermPostings] = []
    /// Per slot: the term number.
    private(set) var termNumbers: [Int32] = []
    /// Per document: the field's length in tokens.
    private(set) var lengths: [UInt16] = []
    /// Per term number: its slot + 1 (0: the field has no such term yet).
    private var slots: [Int32] = []
    /// Per slot: the last document that had the term (to start its posting once per document).
    private var lastDocument: [Int32] = []
    /// Per slot: the last position added in the current document.
    private var lastPosition: [UInt32] = []
    /// Slots whose positions came out of order in the current document.
    private var unsorted: [Int] = []

    /// Adds one occurrence of term `term` at `position` in document `document` (documents must
    /// come in increasing order, and all of a document's terms before the next document's);
    /// returns the memory the new entries take, roughly.
    @inline(__always)
    mutating func add(term: Int32, position: Int, document: Int) -> Int {
        let number = Int(term)
        if number >= slots.count { slots.append(contentsOf: repeatElement(0, count: number + 1 - slots.count)) }
        var bytes = 4
        var slot = Int(slots[number]) - 1
        if slot < 0 {
            slot = postings.count
            slots[number] = Int32(truncatingIfNeeded: slot + 1)
            postings.append(TermPostings())
            termNumbers.append(term)
            lastDocument.append(-1)
            lastPosition.append(0)
            bytes += 96
        }
        let position = UInt32(truncatingIfNeeded: position)
        if lastDocument[slot] != Int32(truncatingIfNeeded: document) {
            lastDocument[slot] = Int32(truncatingIfNeeded: document)
            postings[slot].documents.append(UInt32(truncatingIfNeeded: document))
            postings[slot].frequencies.append(1)
            bytes += 8
        } else {
            postings[slot].frequencies[postings[slot].frequencies.count - 1] += 1
            if position < lastPosition[slot] { unsorted.append(slot) }
        }
        lastPosition[slot] = position
        postings[slot].positions.append(position)
        return bytes
    }

    /// Adds the terms of one text value, their positions shifted by `base`, to document
    /// `document`; returns the memory the new entries take, roughly, and the last position the
    /// value's tokens cover (-1 when it has none).
    mutating func add(_ occurrences: [TermAnalysis.Occurrence], base: Int, document: Int) -> (bytes: Int, last: Int) {
        var bytes = 0
        var last = -1
        for occurrence in occurrences {
            let position = Int(occurrence.position)
            bytes += add(term: occurrence.term, position: base + position, document: document)
            last = max(last, position + Int(occurrence.positionLength) - 1)
        }
        return (bytes, last)
    }

    /// Ends document `document` with `length` tokens in this field.
    mutating func finish(document: Int, length: Int) {
        // Positions of a term within a document must ascend; they come almost always in order
        // (compound parts share positions), so only the tails of terms seen out of order are sorted.
        for slot in unsorted {
            let frequency = Int(postings[slot].frequencies[postings[slot].frequencies.count - 1])
            let tail = (postings[slot].positions.count - frequency)..<postings[slot].positions.count
            postings[slot].positions[tail].sort()
        }
        unsorted.removeAll(keepingCapacity: true)
        while lengths.count < document { lengths.append(0) }
        lengths.append(UInt16(clamping: length))
    }

    /// Pads the lengths column to `count` documents (documents without the field).
    mutating func pad(to count: Int) {
        while lengths.count < count { lengths.append(0) }
    }

    /// The terms of the field with their postings slots, sorted by their UTF-8 bytes.
    func sortedTerms(_ analysis: TermAnalysis) -> [([UInt8], Int)] {
        termNumbers.indices.map { (Array(analysis.term(termNumbers[$0])), $0) }.sorted { utf8Less($0.0, $1.0) }
    }
}
