import Foundation
import Loopback
import Notebook
import Primitives

// ANCHOR: blocking-in-async
/// Tasks that hold a `DispatchSemaphore` across an `await`. A waiting task blocks its pool
/// thread; the holder needs a free pool thread to resume and signal. Each wait gives up
/// after `patience`, so the program reports the deadlock instead of hanging.
func dispatchSemaphoreInTasks(tasks: Int, patience: Double) async -> (timedOut: Int, seconds: Double) {
    let lock = DispatchSemaphore(value: 1)
    let start = ContinuousClock.now
    let timedOut = await withTaskGroup(of: Int.self) { group in
        for _ in 0..<tasks {
            group.addTask {
                guard lock.wait(timeout: .now() + patience) == .success else { return 1 }
                try? await Task.sleep(for: .milliseconds(100))  // holds the semaphore while suspended
                lock.signal()
                return 0
            }
        }
        return await group.reduce(0, +)
    }
    return (timedOut, secondsSince(start))
}

func asyncSemaphoreInTasks(tasks: Int) async -> Double {
    let lock = AsyncSemaphore(permits: 1)
    let start = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<tasks {
            group.addTask {
                try? await lock.withPermit { try await Task.sleep(for: .milliseconds(100)) }
            }
        }
    }
    return secondsSince(start)
}
// ANCHOR_END: blocking-in-async

func blockingInAsync(_ cell: Cell) async {
    let cores = UsableCores.allowedByAffinity   // what libdispatch sizes the task pool by on Linux
    let tasks = 2 * cores
    // ANCHOR: blocking-in-async-run
    let blocked = await dispatchSemaphoreInTasks(tasks: tasks, patience: 0.3)
    print("DispatchSemaphore: \(blocked.timedOut) of \(tasks) waits gave up after 0.3 s; \(Format.duration(blocked.seconds)) in all")
    let suspended = await asyncSemaphoreInTasks(tasks: tasks)
    print("AsyncSemaphore:    every task got its turn; \(Format.duration(suspended)) in all (ideal \(tasks) x 100 ms)")
    // ANCHOR_END: blocking-in-async-run
    cell.value("blocking-tasks", tasks)
    cell.value("blocking-timeouts", blocked.timedOut)
    cell.value("blocking-time", blocked.seconds, digits: 2, unit: "s")
    cell.value("async-lock-time", suspended, digits: 2, unit: "s")
    cell.value("async-lock-ideal", Double(tasks) * 0.1, digits: 2, unit: "s")
    cell.check(blocked.timedOut > 0,
               "with every pool thread blocked in wait(), the holder could not resume: \(blocked.timedOut) waits timed out")
    cell.check(suspended >= Double(tasks) * 0.1 && suspended < Double(tasks) * 0.1 + 1,
               "with AsyncSemaphore the \(tasks) turns of 100 ms took \(seconds: suspended), no waits lost")
}

// ANCHOR: naive-semaphore
/// A first async semaphore: an actor with a count and a queue of suspended waiters.
/// It works, until a waiting task is cancelled.
actor NaiveAsyncSemaphore {
    private var permits: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []
    init(permits: Int) { self.permits = permits }

    var waitingCount: Int { waiters.count }

    func wait() async {
        if permits > 0 {
            permits -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }  // suspended until signal()
    }

    func signal() {
        if waiters.isEmpty { permits += 1 } else { waiters.removeFirst().resume() }
    }
}
// ANCHOR_END: naive-semaphore

/// Polls `condition` every millisecond for up to 2 s.
func eventually(_ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(2)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return false
}

/// Who got through a semaphore, and whether their task had been cancelled by then.
final class Arrivals: Sendable {
    private let names = Locked<[String]>([])
    func add(_ name: String) { names.withLock { $0.append(name) } }
    var all: [String] { names.withLock { $0 } }
}

func cancelledWaiter(_ cell: Cell) async {
    // ANCHOR: naive-cancel
    let naive = NaiveAsyncSemaphore(permits: 0)
    let naiveArrivals = Arrivals()
    let first = Task { await naive.wait(); naiveArrivals.add(Task.isCancelled ? "first (cancelled!)" : "first") }
    _ = await eventually { await naive.waitingCount == 1 }
    let second = Task { await naive.wait(); naiveArrivals.add("second") }
    _ = await eventually { await naive.waitingCount == 2 }
    first.cancel()  // the first waiter gives up...
    await naive.signal()  // ...but the permit still goes to it
    try? await Task.sleep(for: .milliseconds(50))
    print("naive: after cancel + one signal, through: \(naiveArrivals.all)")
    let naiveThrough = naiveArrivals.all
    await naive.signal()  // let the second one go, so no task is left waiting
    await first.value
    await second.value
    // ANCHOR_END: naive-cancel

    // ANCHOR: library-cancel
    let semaphore = AsyncSemaphore(permits: 0)
    let arrivals = Arrivals()
    let firstWaiter = Task { try await semaphore.wait(); arrivals.add("first") }
    _ = await eventually { semaphore.waitingCount == 1 }
    let secondWaiter = Task { try await semaphore.wait(); arrivals.add("second") }
    _ = await eventually { semaphore.waitingCount == 2 }
    firstWaiter.cancel()  // leaves the queue at once, with CancellationError
    let firstOutcome = await firstWaiter.result
    semaphore.signal()  // goes to the second waiter
    let secondOutcome = await secondWaiter.result
    print("AsyncSemaphore: first waiter \(firstOutcome), through: \(arrivals.all), free permits: \(semaphore.availablePermits)")
    // ANCHOR_END: library-cancel
    cell.check(naiveThrough == ["first (cancelled!)"],
               "the naive semaphore gave its only permit to the cancelled waiter; the second kept waiting")
    if case .failure(let error) = firstOutcome {
        cell.check(error is CancellationError, "the cancelled waiter of AsyncSemaphore threw CancellationError")
    } else {
        cell.check(false, "the cancelled waiter of AsyncSemaphore should have thrown")
    }
    cell.check((try? secondOutcome.get()) != nil && arrivals.all == ["second"] && semaphore.availablePermits == 0,
               "the permit went to the second waiter, and none was lost")
}

// ANCHOR: permit-slots
/// Numbers the permits in use (1...n) so a timeline can draw one lane per permit.
final class PermitSlots: Sendable {
    private let free: Locked<[Int]>
    init(count: Int) { free = Locked(Array((1...count).reversed())) }
    func take() -> Int? { free.withLock { $0.popLast() } }
    func give(_ slot: Int) { free.withLock { $0.append(slot) } }
}

/// Downloads pages 1...pages through `semaphore`, with one timeline lane per permit.
func limitedDownloads(_ pages: Int, delayMilliseconds: Int, semaphore: AsyncSemaphore,
                      client: LoopbackClient, timeline: Timeline?) async throws -> Double {
    let slots = PermitSlots(count: semaphore.initialPermits)
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for page in 1...pages {
            group.addTask {
                try await semaphore.withPermit {
                    guard let slot = slots.take() else { throw MorePermitsThanSlots() }
                    defer { slots.give(slot) }
                    let begin = ContinuousClock.now
                    // Abandoned, never cancelled, when a sibling's failure cancels the group:
                    // cancelling a URLSession request can hang on Linux (#5412, chapter 08).
                    let response = try await client.getAbandoningOnCancel("/page/\(page)?delay_ms=\(delayMilliseconds)")
                    timeline?.record(lane: "permit \(slot)", label: "page \(page)", from: begin, to: .now)
                    guard response.status == 200 else { throw UnexpectedStatus(status: response.status) }
                }
            }
        }
        try await group.waitForAll()
    }
    return secondsSince(start)
}
// ANCHOR_END: permit-slots

struct MorePermitsThanSlots: Error {}
struct UnexpectedStatus: Error { let status: Int }

func hundredDownloads(_ cell: Cell) async throws {
    let pages = 100, limit = 10, delay = 50
    try await withLoopbackServer { server in
        // ANCHOR: hundred-downloads
        let client = LoopbackClient(server: server, maximumConnections: 200)  // above any limit below
        defer { client.finishAndInvalidate() }  // cancels nothing
        let limited = try await limitedDownloads(
            pages, delayMilliseconds: delay, semaphore: AsyncSemaphore(permits: limit), client: client,
            timeline: cell.timeline("permits", "\(pages) downloads through \(limit) permits (one lane per permit)"))
        let limitedInFlight = server.statistics.maxInFlight

        server.resetStatistics()
        let unlimited = try await limitedDownloads(
            pages, delayMilliseconds: delay, semaphore: AsyncSemaphore(permits: pages), client: client, timeline: nil)
        let unlimitedInFlight = server.statistics.maxInFlight
        // ANCHOR_END: hundred-downloads

        let rounds = (pages + limit - 1) / limit
        let ideal = Double(rounds * delay) / 1000
        print("limit \(limit):  \(Format.duration(limited)) (ideal \(rounds) x \(delay) ms = \(Format.number(ideal, digits: 2)) s), at most \(limitedInFlight) requests in the server at once")
        print("no limit:  \(Format.duration(unlimited)) (ideal \(delay) ms), at most \(unlimitedInFlight) at once")
        cell.barChart("hundred-chart", "\(pages) downloads of \(delay) ms", unit: "s", [
            Bar("\(limit) permits", limited, ideal: ideal),
            Bar("no limit", unlimited, ideal: Double(delay) / 1000),
        ])
        cell.value("hundred-limited-time", limited, digits: 2, unit: "s")
        cell.value("hundred-ideal", ideal, digits: 2, unit: "s")
        cell.value("hundred-ratio", limited / ideal, digits: 2)
        cell.value("hundred-in-flight", limitedInFlight)
        cell.value("hundred-unlimited-time", unlimited, digits: 2, unit: "s")
        cell.value("hundred-unlimited-in-flight", unlimitedInFlight)
        cell.check(limitedInFlight <= limit, "the server never saw more than \(limit) requests at once (\(limitedInFlight))")
        cell.check(limited >= ideal, "\(rounds) rounds of \(delay) ms take at least \(seconds: ideal) (\(seconds: limited))")
        cell.check(limited < 0.5 * Double(pages * delay) / 1000,
                   "with \(limit) at a time, \(seconds: limited) is under half of one-by-one (\(seconds: Double(pages * delay) / 1000))")
        cell.check(unlimitedInFlight > limit, "without the limit the server saw \(unlimitedInFlight) at once")
    }
}
