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
        /// The last document that had the term (to start its posting once per document).
        var lastDocument: Int32 = -1
        /// The last position added in the current document.
        var lastPosition: UInt32 = 0

        /// Adds one occurrence; returns the memory the new entries take, roughly, and whether
        /// the position came before the document's previous one.
        @inline(__always)
        mutating func add(document: Int32, position: UInt32) -> (bytes: Int, outOfOrder: Bool) {
            var bytes = 4
            var outOfOrder = false
            if lastDocument != document {
                lastDocument = document
                documents.append(UInt32(bitPattern: document))
                frequencies.append(1)
                bytes += 8
            } else {
                frequencies[frequencies.count - 1] += 1
                outOfOrder = position < lastPosition
            }
            lastPosition = position
            positions.append(position)
            return (bytes, outOfOrder)
        }
    }

    /// Postings by slot.
    private(set) var postings: [TermPostings] = []
    /// Per slot: the term number.
    private(set) var termNumbers: [Int32] = []
    /// Per document: the field's length in tokens.
    private(set) var lengths: [UInt16] = []
    /// Per term number: its slot + 1 (0: the field has no such term yet).
    private var slots: [Int32] = []
    /// Slots whose positions came out of order in the current document.
    private var unsorted: [Int] = []

    /// Adds one occurrence of term `term` at `position` in document `document` (documents must
    /// come in increasing order, and all of a document's terms before the next document's);
    /// returns the memory the new entries take, roughly.
    @inline(__always)
    mutating func add(term: Int32, position: Int, document: Int) -> Int {
        let number = Int(term)
        if number >= slots.count { slots.append(contentsOf: repeatElement(0, count: number + 1 - slots.count)) }
        var bytes = 0
        var slot = Int(slots[number]) - 1
        if slot < 0 {
            slot = postings.count
            slots[number] = Int32(truncatingIfNeeded: slot + 1)
            postings.append(TermPostings())
            termNumbers.append(term)
            bytes += 96
        }
        // The slot's state lives next to its lists: one access to `postings` per occurrence.
        let (added, outOfOrder) = postings[slot].add(
            document: Int32(truncatingIfNeeded: document), position: UInt32(truncatingIfNeeded: position))
        if outOfOrder { unsorted.append(slot) }
        return bytes + added
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
