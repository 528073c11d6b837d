// `Task {}` in a function that was handed the value: the caller still holds it.
// ANCHOR: shown
final class Tally {
    var count = 0
}

func countInBackground(_ tally: Tally) {
    Task {
        tally.count += 1
    }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: passing closure as a 'sending' parameter risks causing data races between code in the current task and concurrent execution of the closure
// expect-error: closure captures 'tally' which is accessible to code in the current task
// expect-error: [#SendingClosureRisksDataRace]
