import Foundation
import Notebook
import Primitives

// ANCHOR: first-completed
/// Asks every mirror at once and keeps the first answer: `next()` returns the first child
/// to finish, `cancelAll()` tells the others to stop. Python's
/// `asyncio.wait(tasks, return_when=FIRST_COMPLETED)` followed by cancelling the rest.
func fastestMirror(_ mirrors: [(name: String, milliseconds: Int)],
                   cancelled: SharedList<String>) async -> String? {
    await withTaskGroup(of: String?.self) { group in
        for mirror in mirrors {
            group.addTask {
                do {
                    try await Task.sleep(for: .milliseconds(mirror.milliseconds))  // the download
                    return mirror.name
                } catch {
                    cancelled.append(mirror.name)
                    return nil
                }
            }
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first  // the scope still waits for the cancelled children to end
    }
}
// ANCHOR_END: first-completed

func firstCompleted(_ cell: Cell) async {
    let mirrors = [(name: "eu", milliseconds: 120), (name: "us", milliseconds: 40), (name: "asia", milliseconds: 300)]
    let cancelled = SharedList<String>()
    let start = ContinuousClock.now
    let winner = await fastestMirror(mirrors, cancelled: cancelled)
    let elapsed = secondsSince(start)
    print("first answer: \(winner ?? "none") after \(Format.duration(elapsed)); cancelled: \(cancelled.all.sorted())")
    cell.value("mirror-time", elapsed, digits: 3, unit: "s")
    cell.value("mirror-winner", text: winner ?? "none")
    cell.check(winner != nil, "one mirror answered")
    cell.check(cancelled.count == mirrors.count - 1, "the other \(mirrors.count - 1) mirrors saw their cancellation")
    cell.check(elapsed < 0.5 * 0.3, "the group returned after \(seconds: elapsed), long before the slowest mirror (300 ms)")
}

func timeoutForAGroup(_ cell: Cell) async {
    let timeline = cell.timeline("timeout-timeline", "withTimeout(150 ms) around a group of four children")
    let finished = SharedList<Int>(), cancelled = SharedList<Int>()
    let start = ContinuousClock.now
    // ANCHOR: timeout-group
    let outcome = await Result {
        try await withTimeout(.milliseconds(150)) {
            await withTaskGroup(of: Void.self) { group in
                for child in 1...4 {
                    group.addTask {
                        let began = ContinuousClock.now
                        do {
                            try await Task.sleep(for: .milliseconds(100 * child))
                            finished.append(child)
                            timeline.record(lane: "child \(child)", label: "done", from: began, to: .now)
                        } catch {
                            cancelled.append(child)
                            timeline.record(lane: "child \(child)", label: "cancelled", from: began, to: .now)
                        }
                    }
                }
            }
        }
    }
    // ANCHOR_END: timeout-group
    let elapsed = secondsSince(start)
    print("withTimeout: \(outcome) after \(Format.duration(elapsed))")
    print("finished: \(finished.all), cancelled: \(cancelled.all.sorted())")
    cell.value("group-timeout-time", elapsed, digits: 3, unit: "s")
    if case .failure(let error) = outcome {
        cell.check(error is OperationTimedOut, "the timer won the race: \(error)")
    } else {
        cell.check(false, "the group of 100-400 ms children should not finish within 150 ms")
    }
    cell.check(finished.all == [1] && cancelled.all.sorted() == [2, 3, 4],
               "the 100 ms child finished; the three longer ones were cancelled (grandchildren of the race)")
    cell.check(elapsed >= 0.15 && elapsed < 0.4, "withTimeout returned after \(seconds: elapsed): the limit, not the 400 ms child")
}

extension Result where Failure == any Error {
    /// `Result { try await ... }`: the async form of `Result(catching:)`.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
