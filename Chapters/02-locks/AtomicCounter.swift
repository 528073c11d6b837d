import Synchronization

// ANCHOR: atomic-counter
/// No lock at all: the processor adds 1 in one indivisible step (a locked add on x86).
/// Works for one number at a time; two values that must change together need a lock.
final class AtomicCounter: SharedCounter {
    private let count = Atomic<Int>(0)

    func increment() {
        // `.relaxed`: we need the adds to be indivisible, not ordered with other memory.
        count.wrappingAdd(1, ordering: .relaxed)
    }

    var value: Int { count.load(ordering: .relaxed) }
}
// ANCHOR_END: atomic-counter
