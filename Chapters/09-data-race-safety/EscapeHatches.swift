import Foundation
import Notebook

// ANCHOR: unsafe-but-locked
/// `nonisolated(unsafe)`: "this global is shared mutable state, and I protect it myself".
/// Justified only when a lock the compiler cannot see guards every access, as here.
/// Prefer a `let` holding a `Mutex` (see above): then the compiler checks the locking.
nonisolated(unsafe) private var lookupCache: [String: Int] = [:]
private let lookupCacheLock = NSLock()

func cachedLength(of word: String) -> Int {
    lookupCacheLock.lock()
    defer { lookupCacheLock.unlock() }
    if let known = lookupCache[word] { return known }
    lookupCache[word] = word.count
    return word.count
}

func unsafeButLocked(_ cell: Cell) {
    let words = ["actor", "region", "sending", "isolation"]
    DispatchQueue.concurrentPerform(iterations: 8) { round in
        for word in words { _ = cachedLength(of: word + String(round % 2)) }
    }
    let entries = lookupCacheLock.withLock { lookupCache.count }
    print("cache entries: \(entries)")
    cell.check(entries == 8, "4 words x 2 suffixes: 8 entries in the cache (\(entries))")
}
// ANCHOR_END: unsafe-but-locked
