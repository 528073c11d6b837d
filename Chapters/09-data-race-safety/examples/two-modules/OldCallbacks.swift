// A module written before concurrency checking, built in Swift 5 mode: nothing in it says
// where `body` may run, and it runs it on a thread of its own.
// ANCHOR: shown
import Foundation

public func callLater(_ body: @escaping () -> Void) {
    Thread { body() }.start()
}
// ANCHOR_END: shown
