import Foundation
import Notebook
import Primitives

/// The error our failing children throw.
struct BrokenPage: Error, Equatable, CustomStringConvertible {
    let page: Int
    var description: String { "BrokenPage(\(page))" }
}

/// What happened to each child of the failing group.
struct ChildReport: Sendable {
    let name: String
    let endedAfter: Double
    let sawCancellation: Bool
    let threw: String?
}

// ANCHOR: failing-children
/// Three children: two fail (after 50 and 80 ms), the third works for 400 ms unless it
/// is cancelled. Each records how it ended.
func addFailingChildren(to group: inout ThrowingTaskGroup<Void, any Error>,
                        log: SharedList<ChildReport>, timeline: Timeline, lane: String) {
    let start = ContinuousClock.now
    for (name, milliseconds, failure) in [("a", 50, BrokenPage(page: 1)), ("b", 80, BrokenPage(page: 2)),
                                          ("c", 400, nil)] {
        group.addTask {
            do {
                try await Task.sleep(for: .milliseconds(milliseconds))
            } catch {  // Task.sleep throws CancellationError when the child is cancelled
                log.append(ChildReport(name: name, endedAfter: secondsSince(start), sawCancellation: true, threw: nil))
                timeline.record(lane: "\(lane) \(name)", label: "cancelled", from: start, to: .now)
                throw error
            }
            log.append(ChildReport(name: name, endedAfter: secondsSince(start), sawCancellation: false,
                                   threw: failure.map(String.init(describing:))))
            timeline.record(lane: "\(lane) \(name)", label: failure == nil ? "done" : "throws",
                            from: start, to: .now)
            if let failure { throw failure }
        }
    }
}
// ANCHOR_END: failing-children

func failingChild(_ cell: Cell) async {
    let timeline = cell.timeline("failing-timeline", "Three ways to end the group: for try await, waitForAll(), no wait in the body")
    // ANCHOR: for-try-await
    let iterated = SharedList<ChildReport>()
    let iteratedStart = ContinuousClock.now
    var iteratedError: (any Error)?
    do {
        try await withThrowingTaskGroup(of: Void.self) { group in
            addFailingChildren(to: &group, log: iterated, timeline: timeline, lane: "for try await:")
            for try await _ in group {}  // rethrows the first error; leaving the body cancels the rest
        }
    } catch {
        iteratedError = error
    }
    let iteratedTime = secondsSince(iteratedStart)
    // ANCHOR_END: for-try-await

    // ANCHOR: wait-for-all
    let waited = SharedList<ChildReport>()
    let waitedStart = ContinuousClock.now
    var waitedError: (any Error)?
    do {
        try await withThrowingTaskGroup(of: Void.self) { group in
            addFailingChildren(to: &group, log: waited, timeline: timeline, lane: "waitForAll:")
            try await group.waitForAll()  // waits for every child, then rethrows the first error
        }
    } catch {
        waitedError = error
    }
    let waitedTime = secondsSince(waitedStart)
    // ANCHOR_END: wait-for-all

    // ANCHOR: implicit-wait
    let ignored = SharedList<ChildReport>()
    let ignoredStart = ContinuousClock.now
    // No `try`: the body throws nothing, so the compiler knows this call cannot throw,
    // whatever the children do. The group still waits for them; their errors go nowhere.
    await withThrowingTaskGroup(of: Void.self) { group in
        addFailingChildren(to: &group, log: ignored, timeline: timeline, lane: "no wait:")
    }
    let ignoredTime = secondsSince(ignoredStart)
    // ANCHOR_END: implicit-wait

    for (title, log, error, time) in [("for try await", iterated.all, iteratedError, iteratedTime),
                                      ("waitForAll()", waited.all, waitedError, waitedTime),
                                      ("no wait in the body", ignored.all, nil, ignoredTime)] {
        print("\(title): the caller caught \(error.map { "\($0)" } ?? "nothing") after \(Format.duration(time))")
        for child in log.sorted(by: { $0.name < $1.name }) {
            let how = child.sawCancellation ? "was cancelled" : (child.threw.map { "threw \($0)" } ?? "finished its work")
            print("  child \(child.name) \(how) at \(Int(child.endedAfter * 1000)) ms")
        }
    }

    let iteratedC = iterated.all.first { $0.name == "c" }, waitedC = waited.all.first { $0.name == "c" }
    let waitedThrown = waited.all.compactMap(\.threw)
    cell.value("iterate-time", iteratedTime, digits: 3, unit: "s")
    cell.value("wait-all-time", waitedTime, digits: 3, unit: "s")
    cell.value("wait-all-thrown", waitedThrown.count)
    cell.check(iteratedError is BrokenPage, "for try await rethrew a child's error (\(String(describing: iteratedError)))")
    cell.check(iteratedC?.sawCancellation == true, "with for try await, the 400 ms sibling saw its cancellation")
    cell.check(iteratedTime < 0.2, "with for try await the group ended after \(seconds: iteratedTime), long before 400 ms")
    cell.check(waitedC?.sawCancellation == false, "with waitForAll() the 400 ms sibling was not cancelled")
    cell.check(waitedTime >= 0.4, "waitForAll() rethrew only after the 400 ms sibling ended (\(seconds: waitedTime))")
    cell.value("no-wait-time", ignoredTime, digits: 3, unit: "s")
    cell.check(ignored.all.compactMap(\.threw).count == 2,
               "with no wait in the body, two children threw and the call returned normally")
    cell.check(ignoredTime >= 0.4, "the implicit wait at the end of the scope cancelled nobody (\(seconds: ignoredTime))")
    cell.check(waitedThrown.count == 2 && waitedError is BrokenPage,
               "with waitForAll() two children threw, and the caller received one error: the other was lost")
}

func collectEveryError(_ cell: Cell) async {
    // ANCHOR: collect-errors
    let pages = [1, 2, 3, 4, 5]
    var collected: [ErrorGroup.Failure] = []
    do {
        let texts = try await gatherAll(pages) { page in
            try await Task.sleep(for: .milliseconds(10 * page))
            if page.isMultiple(of: 2) { throw BrokenPage(page: page) }  // pages 2 and 4 fail
            return "page \(page)"
        }
        print("all pages: \(texts)")
    } catch {  // typed throws: `error` is an ErrorGroup
        print("\(error.failures.count) children failed:")
        for failure in error.failures { print("  input #\(failure.index): \(failure.error)") }
        collected = error.failures
    }

    let outcomes = await gatherResults(pages) { page in
        if page.isMultiple(of: 2) { throw BrokenPage(page: page) }
        return "page \(page)"
    }
    for (page, outcome) in zip(pages, outcomes) { print("page \(page): \(outcome)") }
    // ANCHOR_END: collect-errors
    let failed = outcomes.compactMap { outcome -> BrokenPage? in
        if case .failure(let error) = outcome { error as? BrokenPage } else { nil }
    }
    cell.check(collected.map(\.index) == [1, 3] && collected.compactMap { $0.error as? BrokenPage } == [BrokenPage(page: 2), BrokenPage(page: 4)],
               "gatherAll threw one ErrorGroup holding both children's errors")
    cell.check(failed == [BrokenPage(page: 2), BrokenPage(page: 4)],
               "every child's error was kept, in input order: \(failed)")
    cell.check(outcomes.count == pages.count, "one outcome per input")
}
