/// Keeps the best hits of a search over all segments (or every match when sorting by a field),
/// and the score a new hit must beat: the pruning threshold of ``SegmentSearch``.
///
/// Order: by score (or the sort field, missing values last, then score), ties by segment then
/// document. Segments are searched in order and documents ascending, so a later document that
/// only ties the k-th best never enters: "must beat" is strict.
final class HitCollector {
    /// One hit.
    struct Entry {
        var segment: Int
        var document: Int
        var score: Double
        var sortValue: Double?
    }

    /// How many hits are wanted (offset + limit).
    let count: Int
    /// The sort field and direction, or `nil` for relevance.
    let sort: (field: Int, ascending: Bool)?
    /// Best hits so far (relevance: a heap with the worst on top); every match when sorting.
    private(set) var entries: [Entry] = []
    /// The best lower bounds of scores seen (a min-heap of `count`): final scores, and the BM25F
    /// part of documents whose proximity bonus is not known yet.
    private var bounds: [Double] = []

    init(count: Int, sort: (field: Int, ascending: Bool)?) {
        self.count = max(0, count)
        self.sort = sort
    }

    /// Whether scores may be skipped below ``threshold`` (relevance order only).
    var prunes: Bool { sort == nil }

    /// The score a document must exceed to become a hit (−∞ while fewer than `count` are known).
    var threshold: Double {
        guard prunes else { return -.infinity }
        if count == 0 { return .infinity }
        return bounds.count == count ? bounds[0] : -.infinity
    }

    /// Starts a segment: the bounds are the scores of the hits kept so far.
    func beginSegment() {
        guard prunes else { return }
        bounds = []
        for entry in entries { noteLowerBound(entry.score) }
    }

    /// Notes that some document of the current segment scores at least `score`.
    func noteLowerBound(_ score: Double) {
        guard prunes, count > 0 else { return }
        if bounds.count < count {
            bounds.append(score)
            var child = bounds.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard bounds[child] < bounds[parent] else { break }
                bounds.swapAt(child, parent)
                child = parent
            }
        } else if score > bounds[0] {
            bounds[0] = score
            Self.siftDown(&bounds, from: 0) { $0 < $1 }
        }
    }

    /// Offers a matching document with its final score.
    func offer(_ entry: Entry) {
        guard let _ = sort else {
            guard count > 0 else { return }
            if entries.count < count {
                entries.append(entry)
                var child = entries.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard Self.worse(entries[child], than: entries[parent]) else { break }
                    entries.swapAt(child, parent)
                    child = parent
                }
            } else if Self.worse(entries[0], than: entry) {
                entries[0] = entry
                Self.siftDown(&entries, from: 0, by: Self.worse)
            }
            return
        }
        entries.append(entry)
    }

    /// The hits in order.
    func ordered() -> [Entry] {
        guard let sort else { return entries.sorted { Self.worse($1, than: $0) } }
        return entries.firstSorted(count) { lhs, rhs in
            switch (lhs.sortValue, rhs.sortValue) {
            case let (l?, r?) where l != r: return sort.ascending ? l < r : l > r
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            return Self.worse(rhs, than: lhs)
        }
    }

    /// Relevance order: lower score, then later segment, then later document, is worse.
    @inline(__always)
    static func worse(_ lhs: Entry, than rhs: Entry) -> Bool {
        if lhs.score != rhs.score { return lhs.score < rhs.score }
        if lhs.segment != rhs.segment { return lhs.segment > rhs.segment }
        return lhs.document > rhs.document
    }

    private static func siftDown<T>(_ heap: inout [T], from start: Int, by less: (T, T) -> Bool) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
