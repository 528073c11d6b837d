/// A binary max-heap: `insert` and `removeMax` in O(log n), the largest element first.
///
/// The elements live in an array read as a complete binary tree: the children of index
/// `i` are `2i + 1` and `2i + 2`, and every parent is at least as large as its children,
/// so the largest element is always at index 0.
///
/// For "smallest first" (Python's `heapq` and `queue.PriorityQueue`), store elements
/// whose `<` is reversed.
public struct BinaryHeap<Element: Comparable> {
    private var storage: [Element] = []

    public init() {}

    /// A heap holding `elements`.
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { insert(element) }
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// The largest element, without removing it.
    public var max: Element? { storage.first }

    // ANCHOR: insert
    /// Adds `element`: put it at the end, then swap it up while it beats its parent.
    public mutating func insert(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] > storage[parent] else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }
    // ANCHOR_END: insert

    // ANCHOR: remove-max
    /// Removes and returns the largest element: move the last element to the root,
    /// then swap it down with its larger child until neither child beats it.
    public mutating func removeMax() -> Element? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let largest = storage.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var winner = parent
            if left < storage.count && storage[left] > storage[winner] { winner = left }
            if right < storage.count && storage[right] > storage[winner] { winner = right }
            if winner == parent { break }
            storage.swapAt(parent, winner)
            parent = winner
        }
        return largest
    }
    // ANCHOR_END: remove-max
}

extension BinaryHeap: Sendable where Element: Sendable {}
