// A non-Sendable class captured by a closure that another thread runs.
// ANCHOR: shown
import Dispatch

final class Tally {
    var count = 0
}

func countInBackground(_ tally: Tally) {
    DispatchQueue.global().async {
        tally.count += 1
    }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: capture of 'tally' with non-Sendable type 'Tally' in a '@Sendable' closure
