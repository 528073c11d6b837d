// `Mutex.init` takes its value as `sending`: the lock becomes the only way to reach it.
// Keeping a reference and using it outside the lock is refused at compile time.
// expect-error: sending 'tally' risks causing data races
// expect-error: 'tally' used after being passed as a 'sending' parameter
import Synchronization

// ANCHOR: shown
final class Tally {            // not Sendable: a plain class with a var
    var count = 0
}

func guardATally() {
    let tally = Tally()
    let guarded = Mutex(tally)  // the Mutex takes the tally...
    tally.count += 1            // ...and here it is used outside the lock
    guarded.withLock { $0.count += 1 }
}
// ANCHOR_END: shown
