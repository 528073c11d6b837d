import Foundation
import Primitives

/// One call of `ProcessPool.run`: the inputs, which one is next, and the reports so
/// far. The pool's driver threads share it; each takes the next input when free, so a
/// slow input never holds up the others.
final class PoolRun<Input: Codable & Sendable, Output: Codable & Sendable>: Sendable {
    let inputs: [Input]
    private let progress: Locked<Progress>

    private struct Progress: Sendable {
        var next = 0
        var reports: [JobReport<Output>?]
    }

    init(inputs: [Input]) {
        self.inputs = inputs
        progress = Locked(Progress(reports: Array(repeating: nil, count: inputs.count)))
    }

    /// The index of the next input nobody has taken, or `nil` when all are taken.
    func takeNext() -> Int? {
        progress.withLock { progress in
            guard progress.next < inputs.count else { return nil }
            defer { progress.next += 1 }
            return progress.next
        }
    }

    func record(_ report: JobReport<Output>) {
        progress.withLock { $0.reports[report.index] = report }
    }

    /// The reports in input order; call it after every driver has finished.
    var reports: [JobReport<Output>] {
        progress.withLock { progress in
            progress.reports.map { report in
                guard let report else { preconditionFailure("an input was never run") }
                return report
            }
        }
    }
}
