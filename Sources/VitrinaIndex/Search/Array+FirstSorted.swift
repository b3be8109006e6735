extension Array {
    /// The first `count` elements in `areInIncreasingOrder` order, without sorting the rest:
    /// a bounded max-heap keeps the best `count` seen so far (top-k for a page of hits).
    ///
    /// `areInIncreasingOrder` must be a strict total order, so the result is deterministic.
    func firstSorted(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        guard count * 4 < self.count else { return Array(sorted(by: areInIncreasingOrder).prefix(count)) }
        // heap[0] is the worst element kept.
        var heap: [Element] = []
        heap.reserveCapacity(count)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var worst = parent
                if left < heap.count, areInIncreasingOrder(heap[worst], heap[left]) { worst = left }
                if right < heap.count, areInIncreasingOrder(heap[worst], heap[right]) { worst = right }
                if worst == parent { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for element in self {
            if heap.count < count {
                heap.append(element)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard areInIncreasingOrder(heap[parent], heap[child]) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if areInIncreasingOrder(element, heap[0]) {
                heap[0] = element
                siftDown(0)
            }
        }
        return heap.sorted(by: areInIncreasingOrder)
    }
}
