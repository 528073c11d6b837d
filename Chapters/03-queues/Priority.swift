import Foundation
import Notebook
import Primitives

/// Three jobs per producer thread, in the order each thread submits them. Each thread has
/// two jobs of the same priority, and several threads share priorities.
let submissions: [[(name: String, priority: Int)]] = [
    [("backup", 1), ("email", 5), ("archive", 1)],
    [("alarm", 9), ("report", 3), ("page", 9)],
    [("index", 2), ("billing", 5), ("reindex", 2)],
    [("cleanup", 1), ("audit", 3), ("purge", 1)],
]

/// True if, for every producer, its jobs of equal priority came out in the order it
/// submitted them (one thread's puts are ordered, so the queue saw them in that order).
func tiesInSubmissionOrder(_ order: [PrioritizedJob]) -> Bool {
    let byProducerAndPriority = Dictionary(grouping: order) { [$0.producer, $0.priority] }
    return byProducerAndPriority.values.allSatisfy { jobs in jobs.map(\.position) == jobs.map(\.position).sorted() }
}

// ANCHOR: priority
func priorityQueue(_ cell: Cell) {
    /// Four threads submit their jobs at once; a consumer takes them, either after all
    /// the puts (`concurrently == false`) or while the puts are still going on.
    func run(concurrently: Bool) -> [PrioritizedJob] {
        let queue = PriorityBlockingQueue<PrioritizedJob>()
        let taken = Locked<[PrioritizedJob]>([])
        let total = submissions.joined().count
        let consumer = { (limit: Duration) in
            JoinableThread(name: "consumer") {
                for _ in 0..<total {
                    guard let job = try? queue.get(timeout: limit) else { return }
                    taken.withLock { $0.append(job) }
                }
            }
        }
        let early = concurrently ? consumer(.seconds(10)) : nil
        ThreadGroup.run(submissions.count) { producer in
            for (position, job) in submissions[producer].enumerated() {
                try! queue.put(PrioritizedJob(priority: job.priority, name: job.name, producer: producer, position: position))
            }
        }
        (early ?? consumer(.seconds(10))).join()
        return taken.withLock { $0 }
    }
    let afterPuts = run(concurrently: false)
    let duringPuts = run(concurrently: true)
    print("taken after every put:   " + afterPuts.map(\.description).joined(separator: ", "))
    print("taken during the puts:   " + duringPuts.map(\.description).joined(separator: ", "))
    // ANCHOR_END: priority
    let names = Set(submissions.joined().map(\.name))
    for (label, order) in [("after the puts", afterPuts), ("during the puts", duringPuts)] {
        cell.check(order.count == names.count && Set(order.map(\.name)) == names,
                   "\(label): all \(names.count) jobs came out, once each")
        cell.check(tiesInSubmissionOrder(order),
                   "\(label): a thread's two jobs of equal priority came out in the order it put them")
    }
    let priorities = afterPuts.map(\.priority)
    cell.check(priorities == priorities.sorted(by: >), "after the puts: highest priority first, \(priorities)")
}
