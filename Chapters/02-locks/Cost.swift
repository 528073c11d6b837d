import Foundation
import Notebook
import Primitives

/// Nanoseconds per increment of `Counter`: `operations` increments split over `threads`
/// threads. The threads wait at a start line and are released together, so that they
/// really overlap (a thread started alone could finish before the next one even began);
/// the clock runs from the release to the last thread's finish.
func nanosecondsPerIncrement<Counter: SharedCounter>(_: Counter.Type, threads: Int, operations: Int) -> (ns: Double, exact: Bool) {
    let counter = Counter()
    let startLine = Event()
    let perThread = operations / threads
    let workers = ThreadGroup.started(threads) { _ in
        startLine.wait()
        for _ in 0..<perThread { counter.increment() }
    }
    Thread.sleep(forTimeInterval: 0.005)   // let every thread reach the start line
    let start = ContinuousClock.now
    startLine.set()
    workers.join()
    let elapsed = (ContinuousClock.now - start).seconds
    return (elapsed / Double(perThread * threads) * 1e9, counter.value == perThread * threads)
}

// ANCHOR: cost
func costPerOperation(_ cell: Cell) {
    let contended = 4
    let parallelism = min(contended, ProcessInfo.processInfo.activeProcessorCount)
    // Increments per measurement, chosen so that each takes a few tens of milliseconds.
    let kinds: [(name: String, operations: Int, measure: (Int, Int) -> (ns: Double, exact: Bool))] = [
        ("Atomic", 2_000_000, { nanosecondsPerIncrement(AtomicCounter.self, threads: $0, operations: $1) }),
        ("Mutex", 400_000, { nanosecondsPerIncrement(MutexCounter.self, threads: $0, operations: $1) }),
        ("NSLock", 400_000, { nanosecondsPerIncrement(NSLockCounter.self, threads: $0, operations: $1) }),
        ("NSRecursiveLock", 400_000, { nanosecondsPerIncrement(RecursiveLockCounter.self, threads: $0, operations: $1) }),
        ("DispatchQueue.sync", 200_000, { nanosecondsPerIncrement(SerialQueueCounter.self, threads: $0, operations: $1) }),
    ]
    var rows: [[String]] = []
    var bars: [Bar] = []
    var results: [String: (alone: Double, contended: Double)] = [:]
    // Under ThreadSanitizer the costs mean nothing, and its (suppressed) false reports on
    // `Mutex` are slow: a hundredth of the work keeps `make tsan` short.
    let share = Notebook.isThreadSanitized ? 100 : 1
    for kind in kinds {
        let alone = kind.measure(1, kind.operations / share)
        let crowded = kind.measure(contended, kind.operations / share)
        cell.check(alone.exact && crowded.exact, "\(kind.name): every increment counted")
        results[kind.name] = (alone.ns, crowded.ns)
        rows.append([kind.name, Format.count(kind.operations), Format.number(alone.ns, digits: 1), Format.number(crowded.ns, digits: 1),
                     Format.number(crowded.ns / alone.ns, digits: 1) + "×"])
        bars.append(Bar("\(kind.name), 1 thread", alone.ns))
        // The ideal under contention: threads never in each other's way, so the increments
        // spread perfectly over the cores (wall time per increment = alone / cores).
        bars.append(Bar("\(kind.name), \(contended) threads", crowded.ns, ideal: alone.ns / Double(parallelism)))
    }
    cell.table("cost-table", "Cost of one increment, in ns (one run; other programs on the machine add noise)",
               header: ["primitive", "increments", "1 thread", "\(contended) threads", "contended / alone"], rows: rows)
    cell.barChart("cost-chart", "ns per increment (wall time / increments); marker: the ideal, perfect use of \(parallelism) core(s)",
                  unit: "ns", bars)
    for (name, key) in [("Atomic", "atomic"), ("Mutex", "mutex"), ("NSLock", "nslock"),
                        ("NSRecursiveLock", "recursive"), ("DispatchQueue.sync", "dispatch")] {
        cell.value("cost-\(key)-1", results[name]!.alone, digits: 1, unit: "ns")
        cell.value("cost-\(key)-\(contended)", results[name]!.contended, digits: 1, unit: "ns")
    }
    cell.value("cost-threads", contended)
    cell.value("cost-mutex-over-nslock-4", results["Mutex"]!.contended / results["NSLock"]!.contended, digits: 1, unit: "×")
    cell.value("cost-cores", parallelism)
    cell.check(results["Atomic"]!.alone < results["DispatchQueue.sync"]!.alone,
               "one thread: an atomic add is cheaper than a trip through a serial queue")
}
// ANCHOR_END: cost
