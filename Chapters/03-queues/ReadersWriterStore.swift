import Foundation

// ANCHOR: readers-writer
/// A dictionary that many threads read at once and that writers change one at a time:
/// reads run concurrently on a concurrent queue; a write is a *barrier* block, which
/// waits for the reads before it to finish and runs alone.
final class ReadersWriterStore: @unchecked Sendable {
    private let queue = DispatchQueue(label: "store", attributes: .concurrent)
    private var values: [String: Int] = [:]
    /// Who is inside right now: instruments the exclusion rule the chapter checks.
    let activity = AccessMonitor()

    func read(_ key: String) -> Int? {
        queue.sync {
            activity.enter(writing: false)
            defer { activity.leave(writing: false) }
            usleep(200)                     // a slow read, so reads can overlap
            return values[key]
        }
    }

    func write(_ key: String, _ value: Int) {
        queue.async(flags: .barrier) {
            self.activity.enter(writing: true)
            defer { self.activity.leave(writing: true) }
            self.values[key] = value
        }
    }

    /// Waits for every write queued so far (a barrier `sync` runs after them all).
    func snapshot() -> [String: Int] {
        queue.sync(flags: .barrier) { values }
    }
}
// ANCHOR_END: readers-writer
