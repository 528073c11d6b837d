import Foundation
import Notebook

/// What a thread reports about itself.
struct ThreadReport: Sendable, Equatable {
    let name: String
    let isMainThread: Bool

    /// The report of the thread that calls it.
    static var current: ThreadReport {
        ThreadReport(name: Thread.current.name ?? "", isMainThread: Thread.isMainThread)
    }
}

// ANCHOR: start-threads
func startThreads(_ cell: Cell) {
    let reports = SharedLog<ThreadReport>()
    // How to wait for a thread is the subject of the next sections. For now: every
    // thread leaves this group when it is done, and main waits for the group.
    let done = DispatchGroup()

    // 1. Create a Thread from a closure, then start it.
    done.enter()
    let first = Thread {
        Thread.current.name = "first"          // name it from inside (see below)
        print("first: hello from a Thread(block:)")
        reports.append(.current)
        done.leave()
    }
    first.start()

    // 2. Create and start in one call.
    done.enter()
    Thread.detachNewThread {
        Thread.current.name = "second"
        print("second: hello from Thread.detachNewThread")
        reports.append(.current)
        done.leave()
    }

    print("main: both threads started")
    done.wait()
    // ANCHOR_END: start-threads

    let names = reports.all.map(\.name).sorted()
    cell.check(names == ["first", "second"], "each thread ran once and saw its own name: \(names)")
    cell.check(reports.all.allSatisfy { !$0.isMainThread }, "neither closure ran on the main thread")
}

// ANCHOR: name-before-start
func nameBeforeStart(_ cell: Cell) {
    let seen = SharedLog<String>()
    let named = DispatchSemaphore(value: 0)
    let mayEnd = DispatchSemaphore(value: 0)
    let ended = DispatchGroup()

    ended.enter()
    let worker = Thread {
        seen.append(Thread.current.name ?? "")      // the name it starts with
        Thread.current.name = "worker-1"
        seen.append(Thread.current.name ?? "")      // the name it gave itself
        named.signal()
        mayEnd.wait()
        ended.leave()
    }
    worker.name = "early"                           // set before start()...
    worker.start()
    named.wait()
    let readFromMain = worker.name ?? ""            // ...and read from another thread
    mayEnd.signal()
    ended.wait()

    let atStart = seen.all[0], afterNaming = seen.all[1]
    print("name set before start():     early")
    print("inside, before naming itself: \(atStart)")
    print("inside, after naming itself:  \(afterNaming)")
    print("worker.name read from main:   \(readFromMain)")
    // ANCHOR_END: name-before-start

    let mainName = Thread.current.name ?? ""
    cell.value("name-at-start", text: atStart)
    cell.value("name-read-from-main", text: readFromMain)
    cell.value("main-thread-name", text: mainName)
    cell.check(afterNaming == "worker-1", "a name set inside the thread is the name it has")
    #if os(Linux)
    cell.check(atStart != "early", "on Linux the name set before start() is lost (the thread saw '\(atStart)')")
    cell.check(atStart == mainName, "the new thread started with the name of the thread that created it, '\(mainName)'")
    cell.check(readFromMain == mainName,
               "on Linux, worker.name read from main gives main's own name '\(mainName)', not the worker's")
    #endif
}
