// `Task {}` accepts a non-Sendable capture only if the caller stops using it.
// ANCHOR: shown
final class Tally {
    var count = 0
}

func countInATask() async {
    let tally = Tally()
    Task {
        tally.count += 1
    }
    tally.count += 1                     // the task may be changing it at this moment
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: sending value of non-Sendable type '() async -> ()' risks causing data races
