import Foundation
import Notebook
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

/// An identifier of the OS thread running the caller right now.
func currentThreadID() -> UInt {
    #if canImport(Glibc)
    UInt(pthread_self())
    #else
    UInt(bitPattern: pthread_self())
    #endif
}

// ANCHOR: task-local
func taskLocals(_ cell: Cell) async throws {
    let tasks = 20
    let results = await withTaskGroup(of: (threadLocalKept: Bool, taskLocalKept: Bool, moved: Bool).self) { group in
        for index in 0..<tasks {
            group.addTask {
                let mine = "task-\(index)"
                setThreadLocalRequestID(mine)
                return await Trace.$requestID.withValue(mine) {
                    let before = currentThreadID()
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 1...10)))
                    // After the await this task may run on another thread, and this thread
                    // may have run other tasks that overwrote its dictionary.
                    return (threadLocalRequestID() == mine, Trace.requestID == mine, currentThreadID() != before)
                }
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    let threadLocalKept = results.filter(\.threadLocalKept).count
    let taskLocalKept = results.filter(\.taskLocalKept).count
    let moved = results.filter(\.moved).count
    print("\(tasks) tasks, each storing its own request ID, then awaiting a short sleep:")
    print("  thread-local value still its own after the await: \(threadLocalKept) of \(tasks)")
    print("  task-local value still its own after the await:   \(taskLocalKept) of \(tasks)")
    print("  tasks that resumed on a different thread:         \(moved) of \(tasks)")
// ANCHOR_END: task-local
    cell.value("thread-local-kept", threadLocalKept)
    cell.value("task-local-kept", taskLocalKept)
    cell.value("tasks-moved", moved)
    cell.value("task-local-tasks", tasks)
    cell.check(taskLocalKept == tasks, "every task read back its own task-local value")
    cell.check(Trace.requestID == Trace.defaultRequestID, "outside withValue the task-local has its default again")
}
