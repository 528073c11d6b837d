import Foundation
import Notebook
import Primitives

// ANCHOR: semaphore-join
func semaphoreJoin(_ cell: Cell) {
    let finished = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        Thread.current.name = "worker"
        Thread.sleep(forTimeInterval: 0.03)
        print("worker: done")
        finished.signal()                       // the last thing the thread does
    }

    finished.wait()                 // "join": returns once the worker signalled
    print("main: first join returned")

    // A second join (or a second thread waiting for the same worker) finds the
    // signal already used up. Without a timeout this would wait forever.
    let second = finished.wait(timeout: .now() + .milliseconds(50))
    print("main: second join", second == .timedOut ? "timed out after 50 ms" : "returned")
    // ANCHOR_END: semaphore-join

    cell.check(second == .timedOut, "a semaphore's signal wakes one waiter only: the second join timed out")
}

// ANCHOR: joinable-thread-use
func joinableThreadUse(_ cell: Cell) {
    let worker = JoinableThread(name: "summer") {
        Thread.sleep(forTimeInterval: 0.1)
        return (1...1_000).reduce(0, +)
    }

    let early = worker.join(timeout: .milliseconds(20))
    print("join(timeout: 20 ms) -> \(early.map(String.init) ?? "nil: still running")")

    // Two other threads wait for the same worker; then main joins it, twice.
    let watchers = (1...2).map { i in
        JoinableThread(name: "watcher-\(i)") { worker.join() }
    }
    let seenByWatchers = watchers.map { $0.join() }
    print("watchers saw \(seenByWatchers)")
    print("main joins: \(worker.join()), and again: \(worker.join())")
    // ANCHOR_END: joinable-thread-use

    cell.check(early == nil, "join(timeout: 20 ms) returned nil while the worker slept 100 ms")
    cell.check(seenByWatchers == [500_500, 500_500], "both watchers got the result")
    cell.check(worker.join() == 500_500, "joining again returns at once, with the same result")
}

// ANCHOR: is-alive
func isAlive(_ cell: Cell) {
    let unstarted = Thread { }
    let gate = DispatchSemaphore(value: 0)
    // The worker runs until main opens the gate.
    let worker = JoinableThread(name: "gated") { gate.wait() }

    let rows = [
        ("Thread(block:), not started", unstarted.isExecuting, unstarted.isFinished),
        ("JoinableThread, running", worker.isExecuting, worker.isFinished),
    ]
    gate.signal()
    worker.join()
    let after = ("JoinableThread, after join()", worker.isExecuting, worker.isFinished)
    // ANCHOR_END: is-alive

    cell.table("is-alive", "isExecuting and isFinished at three moments",
               header: ["moment", "isExecuting", "isFinished"],
               rows: (rows + [after]).map { [$0.0, String($0.1), String($0.2)] })
    cell.check(!unstarted.isExecuting && !unstarted.isFinished, "a thread not yet started is neither executing nor finished")
    cell.check(rows[1].1 && !rows[1].2, "a thread blocked at the gate is executing and not finished")
    cell.check(!after.1 && after.2, "after join() the thread is finished and no longer executing")
}

// ANCHOR: pthread-join
func pthreadJoin(_ cell: Cell) throws {
    let worker = try PosixThread {
        (1...20).reduce(1, *)                   // 20!, computed on the new thread
    }
    let factorial = worker.join()               // pthread_join hands back the result
    print("20! = \(factorial), computed on a pthread and returned by pthread_join")
    // worker.join()  // would not compile: 'worker' consumed more than once
    // ANCHOR_END: pthread-join

    cell.check(factorial == 2_432_902_008_176_640_000, "pthread_join returned the thread's result, 20!")
}
