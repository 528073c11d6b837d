import Foundation
import Notebook
import Primitives
import ProcessActors
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: worker-killed
func workerKilled(_ cell: Cell) async throws {
    try await ProcessActorSystem.withSystem { system in
        let worker = try system.startWorker(role: "counter-host")
        let counter = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)
        _ = try await counter.processID()                    // the worker is up and serving

        let timeline = cell.timeline("worker-killed", "Eight calls that would take 60 s each; the worker is killed")
        let start = ContinuousClock.now
        // withTimeout: if a call did hang, the cell would fail after 20 s instead of hanging.
        let errors = try await withTimeout(.seconds(20)) {
            try await withThrowingTaskGroup(of: String?.self) { group in
                for call in 1...8 {
                    group.addTask {
                        let began = ContinuousClock.now
                        defer { timeline.record(lane: "call \(call)", label: "work(60 s)", from: began, to: .now) }
                        do {
                            _ = try await counter.work(milliseconds: 60_000)
                            return nil                       // it returned: it should not have
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(200))
                kill(worker, SIGKILL)                        // from outside, as a crash or the OOM killer would
                timeline.record(lane: "worker \(worker)", label: "alive", from: start, to: .now)
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
        }
        let elapsed = ContinuousClock.now - start
        print("8 calls ended after \(Format.duration(elapsed.seconds)) with:")
        for (message, count) in Dictionary(grouping: errors, by: { $0 ?? "a value" }).mapValues(\.count) {
            print("  \(count) x \(message)")
        }

        // A call after the death fails at once, with the same reason.
        let lateStart = ContinuousClock.now
        var late = ""
        do { _ = try await counter.increment(by: 1) } catch { late = "\(error)" }
        let lateElapsed = ContinuousClock.now - lateStart
        print("a call made afterwards: \(late) (after \(Format.duration(lateElapsed.seconds)))")

        // A new worker: a new address, the same actor type, a fresh counter.
        let replacement = try system.startWorker(role: "counter-host")
        let fresh = try Counter.resolve(id: ProcessActorID(pid: replacement, name: "counter"), using: system)
        let freshPID = try await fresh.processID()
        print("new worker \(replacement): processID() = \(freshPID), count \(try await fresh.increment(by: 1))")
        // ANCHOR_END: worker-killed
        let died = "worker \(worker) died (killed by signal \(SIGKILL) (SIGKILL))"
        cell.value("killed-calls-elapsed", elapsed)
        cell.value("late-call-elapsed", lateElapsed)
        cell.value("default-call-timeout", ProcessActorSystem.defaultCallTimeout)
        cell.check(errors.count == 8 && errors.allSatisfy { $0 == died },
                   "all 8 pending calls ended with \"\(died)\"")
        cell.check(elapsed < .seconds(10), "they ended within 10 s of starting, not after the 60 s they asked for, nor at the \(duration: ProcessActorSystem.defaultCallTimeout) call timeout")
        cell.check(late == died, "a call made after the death fails with the same error")
        cell.check(lateElapsed < .seconds(1), "and fails at once, without waiting for anything")
        cell.check(freshPID == replacement && replacement != worker, "a new worker was started, resolved and served the call")
    }
}

// ANCHOR: no-leftovers
func noLeftovers(_ cell: Cell) {
    let children = ProcessTable.children()               // from /proc: nil where there is none
    print("child processes of pid \(getpid()): \(children.map { "\($0)" } ?? "unknown (no /proc)")")
    // ANCHOR_END: no-leftovers
    #if os(Linux)
    cell.check(children == [], "no worker of this chapter is running or waiting to be reaped")
    #endif
}
