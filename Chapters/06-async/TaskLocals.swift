import Foundation
import Notebook
import Primitives
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: trace
/// Values that follow a task (and the child tasks it creates), like a request ID in a log.
enum Trace {
    static let defaultRequestID = "none"
    @TaskLocal static var requestID = defaultRequestID
}
// ANCHOR_END: trace

// ANCHOR: thread-local
/// Thread-local storage, as chapter 01 used it. These are synchronous functions:
/// `Thread.current` is unavailable in async code, and for a good reason, shown below.
func setThreadLocalRequestID(_ id: String) {
    Thread.current.threadDictionary["requestID"] = id
}

func threadLocalRequestID() -> String? {
    Thread.current.threadDictionary["requestID"] as? String
}
// ANCHOR_END: thread-local

// ANCHOR: pthread-self
/// The tempting way to ask "which thread am I on?". glibc declares `pthread_self()`
/// `__attribute__((const))`: the optimiser may assume it returns the same value every time
/// within one function, and reuse a value read before an `await` after it.
@inline(never)
func pthreadSelfBits() -> UInt {
    #if canImport(Glibc)
    UInt(pthread_self())
    #else
    UInt(bitPattern: pthread_self())
    #endif
}
// ANCHOR_END: pthread-self

// ANCHOR: task-local
func taskLocals(_ cell: Cell) async throws {
    let tasks = 20
    let results = await withTaskGroup(of: (threadLocalKept: Bool, taskLocalKept: Bool, before: KernelThreadID, after: KernelThreadID, pthreadMoved: Bool).self) { group in
        for index in 0..<tasks {
            group.addTask {
                let mine = "task-\(index)"
                setThreadLocalRequestID(mine)
                return await Trace.$requestID.withValue(mine) {
                    let before = KernelThreadID.current  // the kernel's thread id: see below
                    let pthreadBefore = pthreadSelfBits()
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 1...10)))
                    // After the await this task may run on another thread, and this thread
                    // may have run other tasks that overwrote its dictionary.
                    return (threadLocalRequestID() == mine, Trace.requestID == mine, before, KernelThreadID.current,
                            pthreadSelfBits() != pthreadBefore)
                }
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    let threadLocalKept = results.filter(\.threadLocalKept).count
    let taskLocalKept = results.filter(\.taskLocalKept).count
    let moved = results.filter { $0.before != $0.after }.count
    let stayed = results.filter { $0.before == $0.after }.count
    let pthreadMoved = results.filter(\.pthreadMoved).count
    let threadsSeen = Set(results.flatMap { [$0.before, $0.after] }).count
    print("\(tasks) tasks, each storing its own request ID, then awaiting a short sleep:")
    print("  thread-local value still its own after the await: \(threadLocalKept) of \(tasks)")
    print("  task-local value still its own after the await:   \(taskLocalKept) of \(tasks)")
    print("  tasks that resumed on a different thread:         \(moved) of \(tasks)")
    print("  tasks that resumed on the thread they left:       \(stayed) of \(tasks)")
    print("  distinct kernel threads seen:                     \(threadsSeen)")
// ANCHOR_END: task-local
    print("  moved, according to pthread_self():              \(pthreadMoved) of \(tasks)")
    cell.value("thread-local-kept", threadLocalKept)
    cell.value("task-local-kept", taskLocalKept)
    cell.value("tasks-moved", moved)
    cell.value("tasks-stayed", stayed)
    cell.value("task-local-tasks", tasks)
    cell.value("task-local-threads", threadsSeen)
    cell.value("pthread-moved", pthreadMoved)
    cell.check(moved + stayed == tasks, "every task either moved or stayed: \(moved) + \(stayed) = \(tasks)")
    cell.check(taskLocalKept == tasks, "every task read back its own task-local value")
    cell.check(Trace.requestID == Trace.defaultRequestID, "outside withValue the task-local has its default again")
}
