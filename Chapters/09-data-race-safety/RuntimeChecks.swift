import Foundation
import Notebook

// ANCHOR: assume-isolated
/// An old callback API: it promises (in its documentation, not its types) to call back on
/// the thread or actor that registered. The compiler sees a plain, nonisolated closure.
struct LegacyNotifier {
    func whenDone(_ callback: () -> Void) { callback() }
}

@MainActor
final class Progress {
    var finished = 0
}

@MainActor
func assumeIsolatedCell(_ cell: Cell) {
    let progress = Progress()
    LegacyNotifier().whenDone {
        // Inside, the compiler knows nothing about the main actor. `assumeIsolated`
        // checks at run time that we are on it (trapping if not), then lets us in.
        MainActor.assumeIsolated { progress.finished += 1 }
    }
    print("finished: \(progress.finished)")
    cell.check(progress.finished == 1, "the callback ran on the main actor, checked at run time")
}
// ANCHOR_END: assume-isolated
