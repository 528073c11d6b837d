import Foundation
import Primitives
import ProcessActors
import ProcessActorsTestActors
import Processes
import Testing

/// A system with one calculator worker started, and the calculator resolved.
func calculatorInWorker(callTimeout: Duration? = .seconds(30),
                        environment: [String: String] = [:]) throws -> (ProcessActorSystem, Int32, Calculator) {
    let system = ProcessActorSystem(callTimeout: callTimeout)
    let pid = try system.startWorker(role: "calculator", environment: environment, executable: TestWorker.url)
    let calculator = try Calculator.resolve(id: ProcessActorID(pid: pid, name: "calc"), using: system)
    return (system, pid, calculator)
}

/// Runs `body` under a time limit, so that a call that hangs fails the test instead
/// of hanging the suite.
func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withTimeout(limit, operation: body)
}

/// Waits (at most `limit`) until process `pid` has ended.
func waitUntilGone(_ pid: Int32, limit: Duration = .seconds(5)) async -> Bool {
    let start = ContinuousClock.now
    while ProcessTable.isRunning(pid) == true {
        if ContinuousClock.now - start > limit { return false }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return true
}

/// The `ProcessActorError` a call threw, or `nil` if it threw something else or returned.
func processActorError(_ body: () async throws -> Void) async -> ProcessActorError? {
    do {
        try await body()
        return nil
    } catch let error as ProcessActorError {
        return error
    } catch {
        return nil
    }
}
