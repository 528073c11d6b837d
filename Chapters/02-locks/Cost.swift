import Foundation
import Notebook
import Primitives
import Synchronization

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

/// The median of some measurements and their spread (smallest, largest).
struct Spread {
    let median: Double, low: Double, high: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        median = sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                                       : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        low = sorted.first!
        high = sorted.last!
    }

    func text(digits: Int = 1) -> String {
        "\(Format.number(median, digits: digits)) (\(Format.number(low, digits: digits))–\(Format.number(high, digits: digits)))"
    }
}

// ANCHOR: hand-offs
/// A lock that counts how often it changed hands: every increment notes which thread made
/// it, and a different thread from the last one is one hand-off.
protocol HandOffCounter: Sendable {
    init()
    func increment(by thread: Int)
    var handOffs: Int { get }
}

/// Who increments, and how many times the owner changed, under a `Mutex`.
final class MutexCounterWithOwner: HandOffCounter {
    private let state = Mutex((count: 0, owner: -1, handOffs: 0))

    func increment(by thread: Int) {
        state.withLock { state in
            if state.owner != thread { state.handOffs += 1; state.owner = thread }
            state.count += 1
        }
    }

    var handOffs: Int { state.withLock { $0.handOffs } }
}

/// The same bookkeeping under an `NSLock` (`Locked` is a value behind one).
final class NSLockCounterWithOwner: HandOffCounter {
    private let state = Locked((count: 0, owner: -1, handOffs: 0))

    func increment(by thread: Int) {
        state.withLock { state in
            if state.owner != thread { state.handOffs += 1; state.owner = thread }
            state.count += 1
        }
    }

    var handOffs: Int { state.withLock { $0.handOffs } }
}
// ANCHOR_END: hand-offs

/// How many times `Counter`'s lock changed hands while `threads` threads made
/// `operations` increments, released together from a start line.
func handOffs<Counter: HandOffCounter>(_: Counter.Type, threads: Int, operations: Int) -> Int {
    let counter = Counter()
    let startLine = Event()
    let workers = ThreadGroup.started(threads) { thread in
        startLine.wait()
        for _ in 0..<operations / threads { counter.increment(by: thread) }
    }
    Thread.sleep(forTimeInterval: 0.005)
    startLine.set()
    workers.join()
    return counter.handOffs
}

// ANCHOR: cost
func costPerOperation(_ cell: Cell) {
    let contended = 4
    // A single run of a contended measurement is noise: how often the lock changes owner
    // depends on when the scheduler wakes whom. Several rounds, taking turns; the median counts.
    let rounds = Notebook.isThreadSanitized ? 1 : 7
    // Increments per measurement, chosen so that each takes a few milliseconds.
    let kinds: [(name: String, key: String, operations: Int, measure: (Int, Int) -> (ns: Double, exact: Bool))] = [
        ("Atomic", "atomic", 1_000_000, { nanosecondsPerIncrement(AtomicCounter.self, threads: $0, operations: $1) }),
        ("Mutex", "mutex", 200_000, { nanosecondsPerIncrement(MutexCounter.self, threads: $0, operations: $1) }),
        ("NSLock", "nslock", 200_000, { nanosecondsPerIncrement(NSLockCounter.self, threads: $0, operations: $1) }),
        ("NSRecursiveLock", "recursive", 200_000, { nanosecondsPerIncrement(RecursiveLockCounter.self, threads: $0, operations: $1) }),
        ("DispatchQueue.sync", "dispatch", 100_000, { nanosecondsPerIncrement(SerialQueueCounter.self, threads: $0, operations: $1) }),
    ]
    // Under ThreadSanitizer the costs mean nothing, and its (suppressed) false reports on
    // `Mutex` are slow: a hundredth of the work keeps `make tsan` short.
    let share = Notebook.isThreadSanitized ? 100 : 1
    var alone: [String: [Double]] = [:], crowded: [String: [Double]] = [:]
    var mutexHandOffs: [Double] = [], nslockHandOffs: [Double] = []
    for _ in 1...rounds {
        for kind in kinds {
            let one = kind.measure(1, kind.operations / share)
            let many = kind.measure(contended, kind.operations / share)
            cell.check(one.exact && many.exact, "\(kind.name): every increment counted")
            alone[kind.name, default: []].append(one.ns)
            crowded[kind.name, default: []].append(many.ns)
        }
        mutexHandOffs.append(Double(handOffs(MutexCounterWithOwner.self, threads: contended, operations: 200_000 / share)))
        nslockHandOffs.append(Double(handOffs(NSLockCounterWithOwner.self, threads: contended, operations: 200_000 / share)))
    }
    // ANCHOR_END: cost
    var rows: [[String]] = [], bars: [Bar] = []
    for kind in kinds {
        let one = Spread(alone[kind.name]!), many = Spread(crowded[kind.name]!)
        rows.append([kind.name, Format.count(kind.operations / share), one.text(), many.text(),
                     Format.number(many.median / one.median, digits: 1) + "×"])
        bars.append(Bar("\(kind.name), 1 thread", one.median))
        // Increments of one counter are serialised, whatever protects it: at best each
        // costs what it costs alone, one after another. That is the ideal, not alone / cores;
        // the fastest uncontended round is that cost least disturbed by other programs.
        bars.append(Bar("\(kind.name), \(contended) threads", many.median, ideal: one.low))
        cell.value("cost-\(kind.key)-1", one.median, digits: 1, unit: "ns")
        cell.value("cost-\(kind.key)-\(contended)", many.median, digits: 1, unit: "ns")
        cell.value("cost-\(kind.key)-\(contended)-spread",
                   text: "\(Format.number(many.low, digits: 1))–\(Format.number(many.high, digits: 1)) ns")
    }
    let mutex = Spread(mutexHandOffs), nslock = Spread(nslockHandOffs)
    print("lock changed hands, \(contended) threads × \(Format.count(200_000 / share / contended)) increments, median (smallest–largest) of \(rounds):")
    print("  Mutex  \(mutex.text(digits: 0))")
    print("  NSLock \(nslock.text(digits: 0))")
    cell.table("cost-table", "Cost of one increment in ns: median (smallest–largest) of \(rounds) rounds",
               header: ["primitive", "increments", "1 thread", "\(contended) threads", "median contended / alone"], rows: rows)
    cell.barChart("cost-chart", "ns per increment, median of \(rounds) rounds; marker: the ideal, the fastest uncontended round (increments are serialised)",
                  unit: "ns", bars)
    cell.value("cost-threads", contended)
    cell.value("cost-rounds", rounds)
    cell.value("handoffs-mutex", text: mutex.text(digits: 0))
    cell.value("handoffs-nslock", text: nslock.text(digits: 0))
    cell.value("handoffs-increments", 200_000 / share)
    let median = { (name: String) in Spread(alone[name]!).median }
    cell.check(median("Atomic") < median("DispatchQueue.sync"),
               "one thread: an atomic add is cheaper than a trip through a serial queue (medians)")
    let lowest = kinds.map { Spread(crowded[$0.name]!).low / Spread(alone[$0.name]!).low }.min()!
    if !Notebook.isThreadSanitized {
        // Wide margin: contention can cost little, but it cannot make increments much cheaper than alone.
        cell.check(lowest > 0.5, "no primitive's contended increment was much cheaper than its uncontended one")
    }
}
