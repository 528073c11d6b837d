import Foundation
import Notebook
import Primitives

// ANCHOR: serial-queue
func serialQueue(_ cell: Cell) {
    let account = SerialAccount()
    ThreadGroup.run(4) { _ in
        for _ in 0..<10_000 { account.deposit(1) }
    }
    print("balance after 4 threads × 10,000 deposits of 1: \(account.currentBalance)")
    cell.value("serial-balance", account.currentBalance)
    cell.check(account.currentBalance == 40_000, "no deposit lost: \(account.currentBalance) == 40,000")
}
// ANCHOR_END: serial-queue

// ANCHOR: async-vs-sync
func asyncVersusSync(_ cell: Cell) {
    let queue = DispatchQueue(label: "slow")
    let slowBlock: @Sendable () -> Void = { Thread.sleep(forTimeInterval: 0.05) }

    var start = ContinuousClock.now
    queue.async(execute: slowBlock)         // hand the block over and return
    let asyncReturn = (ContinuousClock.now - start).seconds

    start = ContinuousClock.now
    queue.sync(execute: slowBlock)          // waits for the async block AND this one
    let syncReturn = (ContinuousClock.now - start).seconds

    print("async returned after \(Format.duration(asyncReturn)), sync after \(Format.duration(syncReturn))")
    cell.value("async-return", asyncReturn * 1e6, digits: 0, unit: "µs")
    cell.value("sync-return", syncReturn * 1000, digits: 0, unit: "ms")
    cell.value("sync-ideal", 100, digits: 0, unit: "ms")   // two 50 ms blocks, one after the other
    cell.check(asyncReturn < 0.025, "async returned long before its 50 ms block could finish: \(asyncReturn) s")
    cell.check(syncReturn >= 0.09, "sync waited for both 50 ms blocks: \(syncReturn) s ≥ 0.09 s")
}
// ANCHOR_END: async-vs-sync

// ANCHOR: barrier
func barrierWrites(_ cell: Cell) {
    let store = ReadersWriterStore()
    let readers = ThreadGroup.started(4) { _ in
        for n in 0..<200 { _ = store.read("key-\(n % 10)") }
    }
    for n in 0..<100 { store.write("key-\(n % 10)", n) }
    readers.join()
    let final = store.snapshot()
    print("most readers inside at once: \(store.activity.mostReaders) (varies from run to run); " +
          "times a writer had company: \(store.activity.violations)")
    cell.value("barrier-most-readers", store.activity.mostReaders)
    cell.check(store.activity.violations == 0, "no write ever overlapped a read or another write")
    cell.check(final.count == 10 && final["key-9"] == 99,
               "every write was applied, in order: key-9 holds the last value written to it, 99")
}
// ANCHOR_END: barrier

// ANCHOR: group
func dispatchGroup(_ cell: Cell) {
    let group = DispatchGroup()
    let results = ReceivedItems<Int>()
    let running = Locked((now: 0, most: 0))          // how many jobs are sleeping at once
    let start = ContinuousClock.now
    for job in 1...5 {
        DispatchQueue.global().async(group: group) {
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            Thread.sleep(forTimeInterval: 0.02)      // blocks the worker thread
            running.withLock { $0.now -= 1 }
            results.append(job * job)
        }
    }
    // notify: run a block when the group empties, without blocking anyone.
    let notified = Event()
    let seenByNotify = ReceivedItems<Int>()
    group.notify(queue: .global()) {
        seenByNotify.append(contentsOf: results.all)
        notified.set()
    }
    // wait: block this thread until the group empties.
    group.wait()
    let waited = (ContinuousClock.now - start).seconds
    let notifyRan = notified.wait(timeout: .seconds(5))
    print("wait() returned after \(Format.duration(waited)) with results \(results.all.sorted())")
    print("notify's block saw \(seenByNotify.all.count) results")
    let mostAtOnce = running.withLock { $0.most }
    print("jobs sleeping at the same time, at most: \(mostAtOnce)")
    // ANCHOR_END: group
    // Dispatch runs as many worker threads as cores, and adds one only when its monitor
    // (about once a second) finds them blocked: five 20 ms jobs run `cores` at a time.
    // On Linux libdispatch counts the cores its affinity mask allows (not a cgroup quota).
    let cores = UsableCores.allowedByAffinity
    let rounds = (5 + cores - 1) / cores
    cell.value("group-waited", waited * 1000, digits: 0, unit: "ms")
    cell.value("group-cores", cores)
    cell.value("group-rounds", rounds)
    cell.value("group-ideal", Double(rounds * 20), digits: 0, unit: "ms")
    cell.value("group-most-at-once", mostAtOnce)
    // At most `mostAtOnce` jobs overlapped, so the five took at least that many rounds.
    let fewestRounds = (5 + mostAtOnce - 1) / max(mostAtOnce, 1)
    cell.check(waited >= 0.9 * Double(fewestRounds) * 0.02,
               "with at most \(mostAtOnce) at once, five 20 ms jobs took at least \(fewestRounds) × 20 ms (within 10%)")
    cell.check(results.all.sorted() == [1, 4, 9, 16, 25], "after wait(), all five results are in")
    cell.check(notifyRan && seenByNotify.all.count == 5, "the notify block ran after all five jobs")
}

// ANCHOR: sync-on-self
func syncOntoOwnQueue(_ cell: Cell) {
    // `queue.sync(block)` means: put the block on the queue, then wait for it to finish.
    // Spell those two steps out, inside a block already running on the same serial queue,
    // and give the wait a timeout instead of waiting for ever.
    let queue = DispatchQueue(label: "serial")
    let outcome = ReceivedItems<String>()
    let innerRan = Event()
    queue.async {
        queue.async { innerRan.set() }      // step 1: queued behind the block running now
        // step 2: wait for it. It cannot start until this block ends: a deadlock.
        let finished = innerRan.wait(timeout: .milliseconds(100))
        outcome.append(finished ? "inner block ran" : "deadlock: inner block never started")
    }
    let innerRanLater = innerRan.wait(timeout: .seconds(5))
    queue.sync {}                           // (from another thread: fine)
    print(outcome.all.first ?? "nothing")
    print("once the outer block gave up, the inner block ran: \(innerRanLater)")
    cell.check(outcome.all == ["deadlock: inner block never started"],
               "waiting on the current serial queue for a block queued on it never finishes")
    cell.check(innerRanLater, "the inner block ran after the outer one returned")
}
// ANCHOR_END: sync-on-self
