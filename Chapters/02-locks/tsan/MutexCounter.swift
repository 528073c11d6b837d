// A correct counter under a Mutex, in two halves. First two threads take turns, each
// taking the lock only when it is free: the lock's own compare-and-swap (acquiring on
// lock, releasing on unlock) is all that orders their increments, since the flag that
// passes the turn is relaxed, and ThreadSanitizer sees it: no report. Then four threads
// fight for the lock: a waiter sleeps in the kernel (FUTEX_LOCK_PI) and is handed the
// lock there (FUTEX_UNLOCK_PI), out of the sanitizer's sight, and it reports a race
// on correct code. Compiled with `swiftc -swift-version 6 -Onone -sanitize=thread`.
// expect-report: taking turns: count = 2000 (expected 2000)
// expect-report: Swift access race
// expect-report: fighting
// expect-report: count = 20000 (expected 20000)
// expect-no-report-in: takingTurns
import Foundation
import Synchronization

// ANCHOR: shown
final class Counter: Sendable {
    let count = Mutex(0)
}

/// Two threads, strictly in turn: the lock is always free when taken.
func takingTurns(_ counter: Counter) {
    let turn = Atomic<Int>(0)                 // whose turn it is; relaxed, orders nothing
    let group = DispatchGroup()
    for me in 0..<2 {
        group.enter()
        Thread.detachNewThread {
            for _ in 0..<1_000 {
                while turn.load(ordering: .relaxed) != me {}
                counter.count.withLock { $0 += 1 }
                turn.store(1 - me, ordering: .relaxed)
            }
            group.leave()
        }
    }
    group.wait()
}

/// Four threads at once, released together: the lock is often taken, and waiters
/// sleep in the kernel.
func fighting(_ counter: Counter) {
    let go = Atomic<Bool>(false)
    let group = DispatchGroup()
    for _ in 0..<4 {
        group.enter()
        Thread.detachNewThread {
            while !go.load(ordering: .acquiring) {}
            for _ in 0..<5_000 { counter.count.withLock { $0 += 1 } }
            group.leave()
        }
    }
    go.store(true, ordering: .releasing)
    group.wait()
}

let turns = Counter()
takingTurns(turns)
print("taking turns: count = \(turns.count.withLock { $0 }) (expected 2000)")
fflush(nil)                                   // before any report the second half causes

let fight = Counter()
fighting(fight)
print("fighting: count = \(fight.count.withLock { $0 }) (expected 20000)")
// ANCHOR_END: shown
