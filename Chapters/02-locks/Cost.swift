import Foundation
import Notebook
import Primitives
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A counter the cost cell can time. The Mutex and NSLock versions also count how often
/// the lock changed hands, inside the same runs that are timed.
protocol CostCounter: Sendable {
    init()
    func increment(by thread: Int)
    var value: Int { get }
    /// How many times the lock passed from one thread to another; nil if not counted.
    var handOffs: Int? { get }
}

/// The chapter's counters take part as they are: they ignore who increments.
extension CostCounter where Self: SharedCounter {
    func increment(by _: Int) { increment() }
    var handOffs: Int? { nil }
}
extension AtomicCounter: CostCounter {}
extension RecursiveLockCounter: CostCounter {}
extension SerialQueueCounter: CostCounter {}

// ANCHOR: hand-offs
/// `MutexCounter` that also notes which thread made each increment: an increment by a
/// different thread from the last one is one hand-off of the lock.
final class MutexCounterWithOwner: CostCounter {
    private let state = Mutex((count: 0, owner: -1, handOffs: 0))

    func increment(by thread: Int) {
        state.withLock { state in
            if state.owner != thread { state.handOffs += 1; state.owner = thread }
            state.count += 1
        }
    }

    var value: Int { state.withLock { $0.count } }
    var handOffs: Int? { state.withLock { $0.handOffs } }
}

/// The same bookkeeping under an `NSLock` (`Locked` is a value behind one).
final class NSLockCounterWithOwner: CostCounter {
    private let state = Locked((count: 0, owner: -1, handOffs: 0))

    func increment(by thread: Int) {
        state.withLock { state in
            if state.owner != thread { state.handOffs += 1; state.owner = thread }
            state.count += 1
        }
    }

    var value: Int { state.withLock { $0.count } }
    var handOffs: Int? { state.withLock { $0.handOffs } }
}
// ANCHOR_END: hand-offs

/// How many times the calling thread has gone to sleep so far (its voluntary context
/// switches), or nil where the system does not count them per thread.
func sleepsOfThisThread() -> Int? {
    #if os(Linux)
    var usage = rusage()
    // 1 is RUSAGE_THREAD (Linux only), which the Glibc module does not export by name.
    guard getrusage(__rusage_who_t(1), &usage) == 0 else { return nil }
    return usage.ru_nvcsw
    #else
    return nil
    #endif
}

/// What one timed run saw.
struct CostRun {
    /// Wall time per increment, from the release at the start line to the last finish.
    let nanoseconds: Double
    /// Every increment arrived in the counter.
    let exact: Bool
    /// How often the lock changed hands (Mutex and NSLock only).
    let handOffs: Int?
    /// How often the counting threads went to sleep while counting (Linux only).
    let sleeps: Int?
}

/// Times `threads` threads that each make `perThread` increments of one `Counter`. The
/// threads wait at a start line and are released together, so that they really overlap;
/// each thread counts its own sleeps between the release and its last increment.
func timeIncrements<Counter: CostCounter>(_: Counter.Type, threads: Int, perThread: Int) -> CostRun {
    let counter = Counter()
    let startLine = Event()
    let sleeps = Locked<Int?>(0)
    let workers = ThreadGroup.started(threads) { thread in
        startLine.wait()
        let before = sleepsOfThisThread()
        for _ in 0..<perThread { counter.increment(by: thread) }
        let after = sleepsOfThisThread()
        sleeps.withLock { total in
            if let before, let after, let sum = total { total = sum + after - before } else { total = nil }
        }
    }
    Thread.sleep(forTimeInterval: 0.005)   // let every thread reach the start line
    let start = ContinuousClock.now
    startLine.set()
    workers.join()
    let elapsed = (ContinuousClock.now - start).seconds
    let total = perThread * threads
    return CostRun(nanoseconds: elapsed / Double(total) * 1e9, exact: counter.value == total,
                   handOffs: counter.handOffs, sleeps: sleeps.withLock { $0 })
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

/// One primitive in the comparison: its name, and how to time it.
struct CostKind {
    let name: String, key: String
    /// Increments per thread in the contended run; the uncontended run makes them all on one thread.
    let perThread: Int
    let time: (_ threads: Int, _ perThread: Int) -> CostRun

    init<Counter: CostCounter>(_ name: String, _ key: String, _: Counter.Type, perThread: Int) {
        self.name = name
        self.key = key
        self.perThread = perThread
        time = { timeIncrements(Counter.self, threads: $0, perThread: $1) }
    }
}

// ANCHOR: cost
func costPerOperation(_ cell: Cell) {
    let contended = 4
    // A single contended run is noise: how often the lock changes owner depends on when
    // the scheduler wakes whom. Several rounds, taking turns; the median counts.
    // A debug build (the test suite's) runs three: its contended DispatchQueue.sync is
    // slow enough that five rounds came near the cell's 30 s budget.
    #if DEBUG
    let rounds = Notebook.isThreadSanitized ? 1 : 3
    #else
    let rounds = Notebook.isThreadSanitized ? 1 : 5
    #endif
    // Under ThreadSanitizer the costs mean nothing, and its (suppressed) false reports on
    // `Mutex` are slow: a hundredth of the work keeps `make tsan` short.
    let share = Notebook.isThreadSanitized ? 100 : 1
    // Each thread's share takes milliseconds even alone: longer than the scheduler's
    // turn on a core, so the threads overlap instead of finishing one after another.
    let kinds = [
        CostKind("Atomic", "atomic", AtomicCounter.self, perThread: 1_000_000 / share),
        CostKind("Mutex", "mutex", MutexCounterWithOwner.self, perThread: 500_000 / share),
        CostKind("NSLock", "nslock", NSLockCounterWithOwner.self, perThread: 500_000 / share),
        CostKind("NSRecursiveLock", "recursive", RecursiveLockCounter.self, perThread: 500_000 / share),
        CostKind("DispatchQueue.sync", "dispatch", SerialQueueCounter.self, perThread: 100_000 / share),
    ]
    var alone: [String: [CostRun]] = [:], crowded: [String: [CostRun]] = [:]
    let (_, busyElsewhere) = CPUSnapshot.measuringOthers {
        for _ in 1...rounds {
            for kind in kinds {
                alone[kind.name, default: []].append(kind.time(1, kind.perThread * contended))
                crowded[kind.name, default: []].append(kind.time(contended, kind.perThread))
            }
        }
    }
    // ANCHOR_END: cost
    let runs = alone.values.flatMap { $0 } + crowded.values.flatMap { $0 }
    cell.check(runs.allSatisfy(\.exact), "every increment counted, in all \(runs.count) runs")
    var rows: [[String]] = [], bars: [Bar] = []
    for kind in kinds {
        let one = Spread(alone[kind.name]!.map(\.nanoseconds))
        let many = Spread(crowded[kind.name]!.map(\.nanoseconds))
        let handOffs = crowded[kind.name]!.compactMap(\.handOffs).map(Double.init)
        let sleeps = crowded[kind.name]!.compactMap(\.sleeps).map(Double.init)
        rows.append([kind.name, Format.count(kind.perThread), one.text(), many.text(),
                     Format.number(many.median / one.median, digits: 1) + "×",
                     handOffs.isEmpty ? "–" : Spread(handOffs).text(digits: 0),
                     sleeps.isEmpty ? "–" : Spread(sleeps).text(digits: 0)])
        bars.append(Bar("\(kind.name), 1 thread", one.median))
        // Increments of one counter are serialised, whatever protects it: at best each
        // costs what it costs alone, one after another. That is the ideal, not alone / cores.
        bars.append(Bar("\(kind.name), \(contended) threads", many.median, ideal: one.median))
        cell.value("cost-\(kind.key)-1", one.median, digits: 1, unit: "ns")
        cell.value("cost-\(kind.key)-\(contended)", many.median, digits: 1, unit: "ns")
        cell.value("cost-\(kind.key)-\(contended)-spread",
                   text: "\(Format.number(many.low, digits: 1))–\(Format.number(many.high, digits: 1)) ns")
        cell.value("cost-\(kind.key)-share-ms", one.median * Double(kind.perThread) / 1e6, digits: 1, unit: "ms")
        if !handOffs.isEmpty { cell.value("handoffs-\(kind.key)", text: Spread(handOffs).text(digits: 0)) }
        if !sleeps.isEmpty { cell.value("sleeps-\(kind.key)", text: Spread(sleeps).text(digits: 0)) }
        // A lock handed over by the kernel goes to a thread that slept for it, so in each
        // round at least (hand-offs - sleeps) hand-offs happened in user space.
        let withoutSleep = crowded[kind.name]!.compactMap { run in
            run.handOffs.flatMap { handOffs in run.sleeps.map { Double(max(0, handOffs - $0)) } }
        }
        if !withoutSleep.isEmpty {
            cell.value("handoffs-\(kind.key)-without-sleep", text: Spread(withoutSleep).text(digits: 0))
        }
    }
    cell.table("cost-table", "Cost of one increment in ns, and what the \(contended) threads did: median (smallest–largest) of \(rounds) rounds",
               header: ["primitive", "increments per thread", "1 thread", "\(contended) threads", "median contended / alone",
                        "hand-offs (\(contended) threads)", "sleeps (\(contended) threads)"], rows: rows)
    cell.barChart("cost-chart", "ns per increment, median of \(rounds) rounds; marker: the ideal, the median uncontended cost (increments are serialised)",
                  unit: "ns", bars)
    cell.value("cost-threads", contended)
    cell.value("cost-rounds", rounds)
    cell.value("cost-lock-per-thread", kinds[1].perThread)
    let median = { (runs: [CostRun]) in Spread(runs.map(\.nanoseconds)).median }
    cell.check(median(alone["Atomic"]!) < median(alone["DispatchQueue.sync"]!),
               "one thread: an atomic add is cheaper than a trip through a serial queue (medians)")
    // On a loaded machine one thread waits for a core far more than four do (four threads
    // get a larger share of the machine), which makes contended runs look cheaper than
    // alone. So, as in chapter 01, the comparison is checked only with 1.5 cores left to us.
    let cores = UsableCores.count
    let freeCores = CPUSnapshot.coresLeft(of: cores, busyElsewhere: busyElsewhere ?? 0)
    let lowest = kinds.map { median(crowded[$0.name]!) / median(alone[$0.name]!) }.min()!
    if Notebook.isThreadSanitized {
        cell.value("cost-verdict", text: "left out: this build runs under ThreadSanitizer")
    } else if cores > 1 && freeCores >= 1.5 {
        // Wide margin: contention can cost little, but it cannot make increments much cheaper than alone.
        cell.check(lowest > 0.5, "no primitive's contended increment was much cheaper than its uncontended one (medians)")
        cell.value("cost-verdict", text: "made and held: with \(Format.number(freeCores, digits: 1)) cores left to this chapter, no contended median came out below half its marker")
    } else {
        print("other programs kept \(Format.number(busyElsewhere ?? 0, digits: 1)) of \(cores) cores busy: the contended-versus-alone comparison is not checked")
        cell.value("cost-verdict", text: "left out: other programs kept \(Format.number(busyElsewhere ?? 0, digits: 1)) of \(cores) cores busy, so these figures are not a fair comparison (the lowest contended / alone ratio was \(Format.number(lowest, digits: 2)))")
    }
}
