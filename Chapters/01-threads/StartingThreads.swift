import Foundation
import Notebook
import Primitives

// ANCHOR: start-threads
func startThreads(_ cell: Cell) {
    let ranOnMainThread = SharedLog<Bool>()
    // How to wait for a thread is the subject of the sections below. For now: every
    // thread leaves this group when it is done, and main waits for the group.
    let done = DispatchGroup()

    // 1. Create a Thread from a closure, then start it.
    done.enter()
    let first = Thread {
        Thread.current.name = "first"           // named from inside: see the next section
        print("first: hello from Thread(block:)")
        ranOnMainThread.append(Thread.isMainThread)
        done.leave()
    }
    first.start()

    // 2. Create and start in one call.
    done.enter()
    Thread.detachNewThread {
        Thread.current.name = "second"
        print("second: hello from Thread.detachNewThread")
        ranOnMainThread.append(Thread.isMainThread)
        done.leave()
    }

    print("main: both threads started")
    done.wait()
    // ANCHOR_END: start-threads

    cell.check(ranOnMainThread.all.count == 2, "each closure ran exactly once")
    cell.check(!ranOnMainThread.all.contains(true), "neither closure ran on the main thread")
}

// ANCHOR: name-before-start
func nameBeforeStart(_ cell: Cell) {
    let seen = SharedLog<String>()
    let reported = DispatchSemaphore(value: 0)
    let mayEnd = DispatchSemaphore(value: 0)
    let ended = DispatchGroup()

    ended.enter()
    let worker = Thread {
        seen.append(Thread.current.name ?? "")      // the name it starts with
        reported.signal()
        mayEnd.wait()
        ended.leave()
    }
    worker.name = "early"                           // set before start()...
    worker.start()
    reported.wait()
    let readFromMain = worker.name ?? ""            // ...and read from another thread
    mayEnd.signal()
    ended.wait()

    print("name set before start():  early")
    print("name the thread started with: \(seen.all[0])")
    print("worker.name read from main:   \(readFromMain)")
    // ANCHOR_END: name-before-start

    let atStart = seen.all[0], mainName = Thread.current.name ?? ""
    cell.value("name-at-start", text: atStart)
    cell.value("name-read-from-main", text: readFromMain)
    #if os(Linux)
    cell.check(atStart != "early", "on Linux the name set before start() is lost (the thread saw '\(atStart)')")
    cell.check(atStart == mainName, "the new thread started with the name of the thread that created it, '\(mainName)'")
    cell.check(readFromMain == mainName,
               "on Linux, worker.name read from main gives main's own name '\(mainName)', not the worker's")
    #endif
}

// ANCHOR: name-inside
func nameInside(_ cell: Cell) {
    let count = 500

    // Each thread names itself as its very first act, then reads the name back.
    let lost = SharedLog<Int>()
    let done = DispatchGroup()
    for i in 0..<count {
        done.enter()
        Thread.detachNewThread {
            Thread.current.name = "racer-\(i)"
            if Thread.current.name != "racer-\(i)" { lost.append(i) }
            done.leave()
        }
    }
    done.wait()

    // JoinableThread's threads wait until start() has returned, then name themselves.
    let named = (0..<count).map { i in
        JoinableThread(name: "joinable-\(i)") { Thread.current.name }
    }
    let wrong = zip(0..<count, named).filter { i, thread in
        thread.join() != "joinable-\(i)"
    }.count

    print("named on their first line: \(lost.all.count) of \(count) lost their name")
    print("named by JoinableThread:   \(wrong) of \(count) lost their name")
    // ANCHOR_END: name-inside

    cell.value("name-race-threads", count)
    cell.value("name-race-lost", lost.all.count)
    cell.value("name-gated-lost", wrong)
    cell.check(wrong == 0, "every JoinableThread ran under its own name (\(count) of \(count))")
}

// ANCHOR: name-from-outside
func nameFromOutside(_ cell: Cell) {
    let seen = SharedLog<String>()
    let go = DispatchSemaphore(value: 0)
    let done = DispatchGroup()
    done.enter()
    let worker = Thread {
        go.wait()                                   // until main has renamed it
        seen.append(Thread.current.name ?? "")
        Thread.current.name = "fifteen-chars-x"     // 15 bytes
        seen.append(Thread.current.name ?? "")
        Thread.current.name = "sixteen-chars-xx"    // 16 bytes
        seen.append(Thread.current.name ?? "")
        done.leave()
    }
    worker.start()
    worker.name = "renamed-by-main"                 // after start(): the handle is stored
    go.signal()
    done.wait()
    let joinable = JoinableThread(name: "sixteen-chars-xx") { Thread.current.name ?? "" }
    print("set by main after start(), seen by the thread: \(seen.all[0])")
    print("after naming itself 'fifteen-chars-x':        \(seen.all[1])")
    print("after naming itself 'sixteen-chars-xx':       \(seen.all[2])")
    print("JoinableThread(name: \"sixteen-chars-xx\"):     name \(joinable.name), the thread says \(joinable.join())")
    // ANCHOR_END: name-from-outside
    #if os(Linux)
    cell.check(seen.all[0] == "renamed-by-main", "a name set from main after start() reached the thread")
    cell.check(seen.all[1] == "fifteen-chars-x" && seen.all[2] == "fifteen-chars-x",
               "a 15-byte name was kept; a 16-byte one was silently not applied")
    cell.check(joinable.name == "sixteen-chars-x" && joinable.join() == "sixteen-chars-x",
               "JoinableThread cut the 16-byte name to 15 bytes, and the thread carries the cut name")
    #endif
}
