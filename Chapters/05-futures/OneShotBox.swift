import Foundation

// ANCHOR: one-shot-box
/// Step 1: a value that one thread sets and other threads wait for. It works for the
/// happy path: one set, callbacks registered before it.
final class OneShotBox<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?
    private var callbacks: [@Sendable (Value) -> Void] = []

    /// Stores `newValue`, wakes the waiters, runs the callbacks.
    func set(_ newValue: Value) {
        condition.lock()
        value = newValue
        let waiting = callbacks
        condition.broadcast()
        condition.unlock()
        for callback in waiting { callback(newValue) }
    }

    /// Blocks until a value is set, then returns it.
    func get() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value { return value }
            condition.wait()
        }
    }

    /// Runs `callback` with the value when it is set.
    func onSet(_ callback: @escaping @Sendable (Value) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        callbacks.append(callback)
    }
}
// ANCHOR_END: one-shot-box
