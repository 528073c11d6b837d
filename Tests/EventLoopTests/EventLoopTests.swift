import EventLoop
import Foundation
import Testing

@Suite("The event loop's timers and waits")
struct EventLoopTimerTests {
    @Test("a hundred sleeps of 100 ms overlap on one loop thread")
    func sleepsOverlap() async throws {
        try await withEventLoop { loop in
            let start = ContinuousClock.now
            await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<100 { group.addTask { try await loop.sleep(for: .milliseconds(100)) } }
            }
            let elapsed = ContinuousClock.now - start
            #expect(elapsed >= .milliseconds(100))
            // Wide: other tests share the machine. One after another would take 10 s.
            #expect(elapsed < .seconds(5), "one after another would take 10 s")
            #expect(loop.statistics.timersFired == 100)
            #expect(loop.pendingWaits == 0)
        }
    }

    @Test("a deadline already past ends the sleep at once (a negative timeout would mean forever)")
    func overdueDeadline() async throws {
        try await withEventLoop { loop in
            // Before the fix the loop slept forever: bounded here, so a regression fails
            // instead of hanging the suite.
            let finished = await withinTimeLimit(.seconds(10)) {
                for _ in 0..<20 { try await loop.sleep(until: .now - .milliseconds(5)) }
            }
            #expect(finished)
        }
    }

    @Test("sleeps end in deadline order, whatever order they began in")
    func deadlineOrder() async throws {
        try await withEventLoop { loop in
            let order = Recorder()
            await withThrowingTaskGroup(of: Void.self) { group in
                for delay in [60, 20, 40, 0, 80] {
                    group.addTask {
                        try await loop.sleep(for: .milliseconds(delay))
                        order.append(delay)
                    }
                }
            }
            #expect(order.values == [0, 20, 40, 60, 80])
        }
    }

    @Test("a task cancelled before it waits ends at once with CancellationError")
    func cancelledBeforeWaiting() async throws {
        try await withEventLoop { loop in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                try await loop.sleep(for: .seconds(60))
            }
            let start = ContinuousClock.now
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(ContinuousClock.now - start < .seconds(10), "not the 60 s of the sleep")
            #expect(loop.pendingWaits == 0)
        }
    }

    @Test("cancelling sleeps at random moments never loses or hangs one")
    func cancelAtRandomMoments() async throws {
        try await withEventLoop { loop in
            let outcomes = Recorder()
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<500 {
                    let sleeper = Task {
                        do { try await loop.sleep(for: .milliseconds(index % 10)); outcomes.append(0) }
                        catch is CancellationError { outcomes.append(1) }
                        catch { outcomes.append(2) }
                    }
                    group.addTask {
                        try? await Task.sleep(for: .microseconds((index * 37) % 10_000))
                        sleeper.cancel()
                        await sleeper.value
                    }
                }
            }
            #expect(outcomes.values.count == 500)
            #expect(!outcomes.values.contains(2), "only two ways to end: the sleep ran out, or it was cancelled")
            #expect(loop.pendingWaits == 0)
        }
    }

    @Test("stop() ends every pending wait with loopStopped, and later waits at once")
    func stopEndsWaits() async throws {
        let loop = try EventLoop()
        let sleepers = (0..<20).map { _ in Task { try await loop.sleep(for: .seconds(30)) } }
        #expect(await eventually { loop.pendingWaits == 20 })
        loop.stop()
        for sleeper in sleepers {
            await #expect(throws: EventLoopError.loopStopped) { try await sleeper.value }
        }
        await #expect(throws: EventLoopError.loopStopped) { try await loop.sleep(for: .seconds(1)) }
        loop.stop()  // a second stop is harmless
    }

    @Test("the descriptor limit can be raised to the hard limit")
    func descriptorLimit() {
        let soft = DescriptorLimit.raiseToHardLimit()
        #expect(soft > 0)
        #expect(soft == DescriptorLimit.current.soft)
        #if os(Linux)
        #expect(soft == DescriptorLimit.current.hard)
        #endif
    }
}

/// Runs `body`, giving up after `limit`: whether `body` finished in time. Cancelling
/// `body` ends its waits on the loop from this side, even if the loop's thread is stuck.
func withinTimeLimit(_ limit: Duration, _ body: @escaping @Sendable () async throws -> Void) async -> Bool {
    await withTaskGroup(of: Bool.self) { group in
        group.addTask { (try? await body()) != nil }
        group.addTask { try? await Task.sleep(for: limit); return false }
        let first = await group.next()!
        group.cancelAll()
        return first
    }
}

/// Values appended from many tasks.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int] = []  // guarded by `lock`
    func append(_ value: Int) { lock.withLock { storage.append(value) } }
    var values: [Int] { lock.withLock { storage } }
}
