import Foundation
import Primitives
import Notebook

// ANCHOR: barrier
/// A one-use barrier: `arriveAndWait()` blocks until `parties` threads have called it, then
/// lets them all go. Built from a counter and a semaphore: the last to arrive signals the
/// others through. (Python's `threading.Barrier` is reusable; exercise 4 builds that.)
final class ThreadBarrier: Sendable {
    private let parties: Int
    private let arrived = Locked(0)
    private let turnstile = DispatchSemaphore(value: 0)

    init(parties: Int) { self.parties = parties }

    func arriveAndWait() {
        let isLast = arrived.withLock { count in
            count += 1
            return count == parties
        }
        if isLast {
            for _ in 1..<parties { turnstile.signal() }
        } else {
            turnstile.wait()
        }
    }
}
// ANCHOR_END: barrier

/// When each worker started and ended each phase.
final class PhaseLog: Sendable {
    private let spans = Locked<[(phase: Int, start: ContinuousClock.Instant, end: ContinuousClock.Instant)]>([])
    func record(phase: Int, from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) {
        spans.withLock { $0.append((phase, start, end)) }
    }
    /// True if every span of phase `p + 1` started after every span of phase `p` ended.
    func phasesAreSeparated(phases: Int) -> Bool {
        let all = spans.withLock { $0 }
        return (0..<(phases - 1)).allSatisfy { phase in
            let lastEnd = all.filter { $0.phase == phase }.map(\.end).max()!
            let firstStart = all.filter { $0.phase == phase + 1 }.map(\.start).min()!
            return lastEnd <= firstStart
        }
    }
}

func barrier(_ cell: Cell) {
    // ANCHOR: barrier-use
    let workers = 4, phases = 3
    let barriers = (0..<phases).map { _ in ThreadBarrier(parties: workers) }
    let timeline = cell.timeline("barrier", "\(workers) workers, \(phases) phases, a barrier after each")
    let log = PhaseLog()
    let done = DispatchGroup()
    for worker in 1...workers {
        done.enter()
        Thread {
            for phase in 0..<phases {
                let start = ContinuousClock.now
                Thread.sleep(forTimeInterval: Double((worker * (phase + 2)) % 5 + 1) * 0.01)  // uneven work
                let end = ContinuousClock.now
                log.record(phase: phase, from: start, to: end)
                timeline.record(lane: "worker \(worker)", label: "phase \(phase + 1)", from: start, to: end)
                barriers[phase].arriveAndWait()  // nobody starts phase + 1 before all finish phase
            }
            done.leave()
        }.start()
    }
    done.wait()
    // ANCHOR_END: barrier-use
    let separated = log.phasesAreSeparated(phases: phases)
    print("every phase began after every worker had finished the one before: \(separated)")
    cell.check(separated, "no worker started a phase before all had finished the previous one")
}
