import Foundation

/// A list that child tasks append to from any thread; read it after they have ended.
/// Behind an `NSLock`, which ThreadSanitizer understands (see `LockProtected` in the library).
final class SharedList<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []   // guarded by `lock`

    func append(_ item: Element) { lock.withLock { items.append(item) } }
    var all: [Element] { lock.withLock { items } }
    var count: Int { lock.withLock { items.count } }
}

/// Counts the children running right now and the most there ever were; hands each running
/// child the lowest free slot number, so a timeline can draw one lane per slot.
final class RunningGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var freeSlots: [Int] = []   // guarded by `lock`, like the two counts below
    private var running = 0
    private var peakRunning = 0

    /// A child starts: returns its slot (1, 2, ...).
    func enter() -> Int {
        lock.withLock {
            running += 1
            peakRunning = max(peakRunning, running)
            freeSlots.sort()
            return freeSlots.isEmpty ? running : freeSlots.removeFirst()
        }
    }

    func leave(slot: Int) {
        lock.withLock {
            running -= 1
            freeSlots.append(slot)
        }
    }

    var peak: Int { lock.withLock { peakRunning } }
}

/// Seconds since `start`.
func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
}

/// Milliseconds since `start`, rounded, for printed lines.
func millisecondsSince(_ start: ContinuousClock.Instant) -> Int {
    Int((secondsSince(start) * 1000).rounded())
}
