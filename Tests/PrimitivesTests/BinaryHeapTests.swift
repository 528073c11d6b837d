import Testing
@testable import Primitives

@Suite("BinaryHeap")
struct BinaryHeapTests {
    /// SplitMix64: a tiny seedable generator, so a failing seed can be replayed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("removeMax returns the elements largest first, on random input", arguments: 0..<300)
    func orderProperty(seed: Int) {
        var random = SeededGenerator(state: UInt64(seed))
        let size = Int.random(in: 0...400, using: &random)
        // A narrow range forces many duplicates; a wide one, few.
        let range = seed.isMultiple(of: 2) ? 0...20 : -1_000_000...1_000_000
        let input = (0..<size).map { _ in Int.random(in: range, using: &random) }
        var heap = BinaryHeap<Int>()
        // Interleave inserts and removals, checking each removal against a sorted model.
        var model: [Int] = []
        for (index, element) in input.enumerated() {
            heap.insert(element)
            model.append(element)
            if index % 7 == 6 {
                model.sort()
                #expect(heap.removeMax() == model.removeLast(), "seed \(seed)")
            }
        }
        #expect(heap.count == model.count)
        #expect(heap.max == model.max())
        var drained: [Int] = []
        while let largest = heap.removeMax() { drained.append(largest) }
        #expect(drained == model.sorted(by: >), "seed \(seed)")
        #expect(heap.isEmpty)
        #expect(heap.removeMax() == nil)
    }

    @Test("init from a sequence")
    func initFromSequence() {
        var heap = BinaryHeap([3, 1, 4, 1, 5, 9, 2, 6])
        var out: [Int] = []
        while let x = heap.removeMax() { out.append(x) }
        #expect(out == [9, 6, 5, 4, 3, 2, 1, 1])
    }
}
