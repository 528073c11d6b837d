import Foundation
import Notebook
import Primitives

func timeouts(_ cell: Cell) async throws {
    // ANCHOR: timeout
    let fast = try await withTimeout(.milliseconds(100)) {
        try await Task.sleep(for: .milliseconds(30))
        return "fast result"
    }
    print("30 ms of work, 100 ms limit: \(fast)")

    let start = ContinuousClock.now
    do {
        _ = try await withTimeout(.milliseconds(100)) {
            try await Task.sleep(for: .seconds(5))
            return "never"
        }
    } catch {
        print("5 s of work, 100 ms limit: \(error) after \(Format.duration(secondsSince(start)))")
    }
    let timedOutAfter = secondsSince(start)

    // Work that never checks for cancellation: the limit cannot interrupt it.
    let stubbornStart = ContinuousClock.now
    let stubborn = await Result {
        try await withTimeout(.milliseconds(50)) {
            compute(for: .milliseconds(300))
            return "finished anyway"
        }
    }
    let stubbornTime = secondsSince(stubbornStart)
    print("300 ms of non-cooperative work, 50 ms limit: \(stubborn) after \(Format.duration(stubbornTime))")
    // ANCHOR_END: timeout

    cell.value("timeout-time", timedOutAfter, digits: 3, unit: "s")
    cell.value("stubborn-timeout-time", stubbornTime, digits: 3, unit: "s")
    cell.check(fast == "fast result", "work within the limit returns its result")
    cell.check(timedOutAfter >= 0.1 && timedOutAfter < 1,
               "the slow work was stopped after \(timedOutAfter) s (limit 0.1 s), not after 5 s")
    cell.check(stubbornTime >= 0.3, "withTimeout returned only when the non-cooperative work ended (\(stubbornTime) s)")
}

extension Result where Failure == any Error {
    /// `Result { try await ... }`: the async version of `Result(catching:)`.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
