import Foundation
import Primitives
import Notebook

/// A value handed from one thread to another; the semaphore orders the write before the read.
final class Mailbox: @unchecked Sendable {
    var text: String?
}

func signalling(_ cell: Cell) {
    // ANCHOR: signal
    let ready = DispatchSemaphore(value: 0)  // no permits: wait() blocks until someone signals
    let mailbox = Mailbox()
    let start = ContinuousClock.now
    Thread {
        Thread.sleep(forTimeInterval: 0.03)  // loading a configuration, say
        mailbox.text = "configuration loaded"
        ready.signal()
    }.start()
    ready.wait()
    let waited = secondsSince(start)
    print("main thread woke after \(Format.duration(waited)) and read: \(mailbox.text ?? "nothing")")
    // ANCHOR_END: signal

    // ANCHOR: rendezvous
    let aArrived = DispatchSemaphore(value: 0), bArrived = DispatchSemaphore(value: 0)
    let timeline = cell.timeline("rendezvous", "Rendezvous: each thread waits for the other")
    let times = RendezvousTimes()
    let both = DispatchGroup()
    let meeting = ContinuousClock.now
    for (me, work, mine, theirs) in [("A", 0.02, aArrived, bArrived), ("B", 0.06, bArrived, aArrived)] {
        both.enter()
        Thread {
            let begin = ContinuousClock.now
            Thread.sleep(forTimeInterval: work)
            let arrived = ContinuousClock.now
            timeline.record(lane: me, label: "work", from: begin, to: arrived)
            mine.signal()  // "I am here"
            theirs.wait()  // "are you?"
            timeline.record(lane: me, label: "wait", from: arrived, to: .now)
            times.record(me, arrived: arrived, left: .now)
            both.leave()
        }.start()
    }
    both.wait()
    // ANCHOR_END: rendezvous
    let (a, b) = (times["A"], times["B"])
    print("A arrived at \(Format.duration(a.arrived.seconds(since: meeting))) and left at \(Format.duration(a.left.seconds(since: meeting)))")
    print("B arrived at \(Format.duration(b.arrived.seconds(since: meeting))) and left at \(Format.duration(b.left.seconds(since: meeting)))")
    cell.value("signal-wait", waited, digits: 3, unit: "s")
    cell.check(mailbox.text == "configuration loaded" && waited >= 0.03,
               "the waiting thread woke only after the value was written (\(seconds: waited))")
    cell.check(a.left >= b.arrived && b.left >= a.arrived, "neither thread left before both had arrived")
}

/// Arrival and departure of each thread at the rendezvous.
final class RendezvousTimes: Sendable {
    typealias Times = (arrived: ContinuousClock.Instant, left: ContinuousClock.Instant)
    private let times = Locked<[String: Times]>([:])
    func record(_ name: String, arrived: ContinuousClock.Instant, left: ContinuousClock.Instant) {
        times.withLock { $0[name] = (arrived, left) }
    }
    subscript(name: String) -> Times { times.withLock { $0[name]! } }
}

extension ContinuousClock.Instant {
    func seconds(since origin: ContinuousClock.Instant) -> Double { (self - origin).seconds }
}
