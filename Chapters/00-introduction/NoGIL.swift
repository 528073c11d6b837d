import Foundation
import Notebook
import Synchronization

// ANCHOR: no-gil
func noGIL(_ cell: Cell) {
    let count = Atomic<Int>(0)      // one shared counter that is safe to add to from any thread
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
        for _ in 0..<100_000 {
            count.wrappingAdd(1, ordering: .relaxed)
        }
    }
    print("four threads added 100,000 each: the count is \(Format.count(count.load(ordering: .relaxed)))")
    // ANCHOR_END: no-gil
    cell.value("atomic-total", count.load(ordering: .relaxed))
    cell.check(count.load(ordering: .relaxed) == 400_000, "no update was lost: 400,000")
}
