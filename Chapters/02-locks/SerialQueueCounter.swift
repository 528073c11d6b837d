import Dispatch

/// A counter guarded by a serial Dispatch queue (chapter 03): `sync` runs each increment
/// on the queue, one at a time, and waits for it.
final class SerialQueueCounter: SharedCounter, @unchecked Sendable {
    private let queue = DispatchQueue(label: "counter")
    private var count = 0   // touched only on `queue`

    func increment() {
        queue.sync { count += 1 }
    }

    var value: Int { queue.sync { count } }
}
