// Blocking calls the compiler refuses in async code. (`usleep`, `sleep` and
// `DispatchSemaphore.wait()` block just as badly, but compile without a word.)
// expect-error: class method 'sleep' is unavailable from asynchronous contexts
// expect-error: instance method 'lock' is unavailable from asynchronous contexts
// expect-error: class property 'current' is unavailable from asynchronous contexts
import Foundation

// ANCHOR: shown
func pause() async {
    Thread.sleep(forTimeInterval: 0.1)
}

func update(_ lock: NSLock) async {
    lock.lock()
    // ... change the shared state ...
    lock.unlock()
}

func requestID() async -> String? {
    Thread.current.threadDictionary["requestID"] as? String
}
// ANCHOR_END: shown
