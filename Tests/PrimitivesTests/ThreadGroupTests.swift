import Foundation
import Synchronization
import Testing
@testable import Primitives

@Suite("ThreadGroup")
struct ThreadGroupTests {
    @Test("run(_:) returns only after every thread finished, each index once")
    func runJoinsAll() {
        let seen = LockedValue<[Int]>([])
        ThreadGroup.run(16) { index in
            usleep(2_000)
            seen.withLock { $0.append(index) }
        }
        #expect(seen.withLock { $0.sorted() } == Array(0..<16))
    }

    @Test("join(timeout:) reports a thread still running, then success once it ends")
    func joinTimeout() {
        let threads = ThreadGroup()
        let release = Event()
        threads.spawn { release.wait() }
        #expect(!threads.join(timeout: .milliseconds(30)))
        release.set()
        #expect(threads.join(timeout: .seconds(5)))
    }
}
