// Holding a lock across an `await` is refused both ways. `NSLock.lock()` is unavailable
// in async code (the task may resume on another thread, and a pthread mutex must be
// unlocked by the thread that locked it), and `Mutex.withLock` takes a synchronous
// closure, so nothing inside it can suspend.
// expect-error: instance method 'lock' is unavailable from asynchronous contexts
// expect-error: to parameter expecting synchronous function type
import Foundation
import Synchronization

// ANCHOR: shown
func pause() async {}

func lockAcrossAwait(_ lock: NSLock, _ counter: borrowing Mutex<Int>) async {
    lock.lock()
    await pause()
    lock.unlock()

    counter.withLock { value in
        await pause()
        value += 1
    }
}
// ANCHOR_END: shown
