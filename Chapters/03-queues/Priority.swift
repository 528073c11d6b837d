import Foundation
import Notebook
import Primitives

// ANCHOR: priority
func priorityQueue(_ cell: Cell) {
    let queue = PriorityBlockingQueue<PrioritizedJob>()
    let names = ["backup", "email", "alarm", "report", "cleanup", "page", "index", "billing"]
    let priorities = [1, 5, 9, 3, 1, 9, 2, 5]
    // Four threads submit two jobs each, in whatever order the scheduler picks.
    ThreadGroup.run(4) { thread in
        for index in [thread, thread + 4] {
            try! queue.put(PrioritizedJob(priority: priorities[index], sequence: index, name: names[index]))
        }
    }
    queue.close()
    var order: [PrioritizedJob] = []
    while let job = try? queue.get() { order.append(job) }
    print("taken in this order: " + order.map(\.description).joined(separator: ", "))
    let taken = order.map(\.priority)
    cell.check(taken == taken.sorted(by: >), "priorities came out highest first: \(taken)")
    cell.check(order.count == names.count, "all \(names.count) jobs came out, once each")
    cell.check(order.map(\.name).prefix(2) == ["alarm", "page"],
               "the two priority-9 jobs first, the one submitted first (alarm) before the other")
}
// ANCHOR_END: priority
