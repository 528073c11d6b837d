import Foundation
import Notebook
import Primitives

/// Nanoseconds per increment of `Counter`: `operations` increments split over `threads`
/// threads, timed from the first start to the last finish.
func nanosecondsPerIncrement<Counter: SharedCounter>(_: Counter.Type, threads: Int, operations: Int) -> (ns: Double, exact: Bool) {
    let counter = Counter()
    let start = ContinuousClock.now
    let total = countConcurrently(counter, threads: threads, increments: operations / threads)
    let elapsed = (ContinuousClock.now - start).seconds
    return (elapsed / Double(operations) * 1e9, total == operations)
}

// ANCHOR: cost
func costPerOperation(_ cell: Cell) {
    let operations = 400_000
    let contended = 4
    let kinds: [(name: String, measure: (Int) -> (ns: Double, exact: Bool))] = [
        ("Atomic", { nanosecondsPerIncrement(AtomicCounter.self, threads: $0, operations: operations) }),
        ("Mutex", { nanosecondsPerIncrement(MutexCounter.self, threads: $0, operations: operations) }),
        ("NSLock", { nanosecondsPerIncrement(NSLockCounter.self, threads: $0, operations: operations) }),
        ("NSRecursiveLock", { nanosecondsPerIncrement(RecursiveLockCounter.self, threads: $0, operations: operations) }),
        ("DispatchQueue.sync", { nanosecondsPerIncrement(SerialQueueCounter.self, threads: $0, operations: operations) }),
    ]
    var rows: [[String]] = []
    var bars: [Bar] = []
    var results: [String: (alone: Double, contended: Double)] = [:]
    for kind in kinds {
        let alone = kind.measure(1)
        let crowded = kind.measure(contended)
        cell.check(alone.exact && crowded.exact, "\(kind.name): every increment counted")
        results[kind.name] = (alone.ns, crowded.ns)
        rows.append([kind.name, Format.number(alone.ns, digits: 1), Format.number(crowded.ns, digits: 1),
                     Format.number(crowded.ns / alone.ns, digits: 1) + "×"])
        bars.append(Bar("\(kind.name), 1 thread", alone.ns))
        // Ideal under contention: no worse than alone (threads never in each other's way).
        bars.append(Bar("\(kind.name), \(contended) threads", crowded.ns, ideal: alone.ns))
    }
    cell.table("cost-table", "Cost of one increment, \(Format.count(operations)) increments per row (ns per operation)",
               header: ["primitive", "1 thread", "\(contended) threads", "contended / alone"], rows: rows)
    cell.barChart("cost-chart", "ns per increment; the marker on a contended bar is the same primitive alone",
                  unit: "ns", bars)
    for (name, key) in [("Atomic", "atomic"), ("Mutex", "mutex"), ("NSLock", "nslock"),
                        ("NSRecursiveLock", "recursive"), ("DispatchQueue.sync", "dispatch")] {
        cell.value("cost-\(key)-1", results[name]!.alone, digits: 1, unit: "ns")
        cell.value("cost-\(key)-\(contended)", results[name]!.contended, digits: 1, unit: "ns")
    }
    cell.value("cost-operations", operations)
    cell.value("cost-threads", contended)
    cell.check(results["Atomic"]!.alone < results["DispatchQueue.sync"]!.alone,
               "one thread: an atomic add is cheaper than a trip through a serial queue")
}
// ANCHOR_END: cost
