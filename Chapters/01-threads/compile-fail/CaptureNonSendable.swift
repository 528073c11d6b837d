// `Thread(block:)` takes a `@Sendable` closure: the closure runs on another thread, at
// the same time as the code that created it, so everything it captures must be safe to
// share. A plain class with a `var` is not.
// expect-error: capture of 'tally' with non-Sendable type 'Tally' in a '@Sendable' closure
import Foundation

// ANCHOR: shown
final class Tally {
    var count = 0
}

func countOnAThread() {
    let tally = Tally()
    Thread {
        tally.count += 1       // this thread...
    }.start()
    tally.count += 1           // ...and the caller, at the same time
}
// ANCHOR_END: shown
