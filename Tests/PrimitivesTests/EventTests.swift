import Foundation
import Synchronization
import Testing
@testable import Primitives

@Suite("Event")
struct EventTests {
    @Test("set, clear and isSet")
    func setAndClear() {
        let event = Event()
        #expect(!event.isSet)
        event.set()
        #expect(event.isSet)
        #expect(event.wait(timeout: .zero))
        event.clear()
        #expect(!event.isSet)
    }

    @Test("wait(timeout:) on an unset event returns false after about the timeout")
    func waitTimesOut() {
        let event = Event()
        let start = ContinuousClock.now
        #expect(!event.wait(timeout: .milliseconds(50)))
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(48) && waited < .milliseconds(550), "waited \(waited)")
    }

    @Test("set() wakes every waiting thread")
    func setWakesAll() {
        let event = Event()
        let woken = Atomic<Int>(0)
        let waiters = ThreadGroup.started(8) { _ in
            if event.wait(timeout: .seconds(10)) { woken.wrappingAdd(1, ordering: .relaxed) }
        }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(woken.load(ordering: .relaxed) == 0)
        event.set()
        #expect(waiters.join(timeout: .seconds(5)))
        #expect(woken.load(ordering: .relaxed) == 8)
    }

    @Test("after clear(), wait blocks again until the next set()")
    func clearBlocksAgain() {
        let event = Event()
        event.set()
        event.clear()
        #expect(!event.wait(timeout: .milliseconds(20)))
        let feeder = ThreadGroup.started(1) { _ in
            Thread.sleep(forTimeInterval: 0.02)
            event.set()
        }
        #expect(event.wait(timeout: .seconds(5)))
        #expect(feeder.join(timeout: .seconds(5)))
    }
}
