import Foundation
import Notebook
import Primitives

// ANCHOR: sentinel
func sentinelStop(_ cell: Cell) throws {
    let queue = BlockingQueue<WorkMessage>(capacity: 8)
    let consumers = 3
    let received = ReceivedItems<Int>()
    let stopped = ReceivedItems<Int>()
    let threads = ThreadGroup()
    for id in 0..<consumers {
        threads.spawn {
            while true {
                switch try! queue.get() {   // nobody closes this queue
                case .work(let item): received.append(item)
                case .stop:
                    stopped.append(id)
                    return                  // one sentinel stops exactly one consumer
                }
            }
        }
    }
    for item in 0..<30 { try queue.put(.work(item)) }
    for _ in 0..<consumers { try queue.put(.stop) }   // one sentinel per consumer
    let allStopped = threads.join(timeout: .seconds(5))
    print("consumers that stopped: \(stopped.all.sorted()); items received: \(received.all.count)")
    cell.check(allStopped && stopped.all.sorted() == Array(0..<consumers),
               "each of the \(consumers) consumers took one sentinel and stopped")
    cell.check(received.all.sorted() == Array(0..<30), "the 30 items put before the sentinels were all received, once each")
}
// ANCHOR_END: sentinel

// ANCHOR: close
func closeStop(_ cell: Cell) throws {
    let queue = BlockingQueue<Int>(capacity: 8)
    let received = ReceivedItems<Int>()
    let threads = ThreadGroup()
    for _ in 0..<3 {
        threads.spawn {
            // `get` throws `.closed` once the queue is closed AND empty: the loop ends.
            while let item = try? queue.get() { received.append(item) }
        }
    }
    for item in 0..<30 { try queue.put(item) }
    queue.close()                           // no sentinels: one call stops every consumer
    let allStopped = threads.join(timeout: .seconds(5))
    var refused = false
    do throws(BlockingQueueError) { try queue.put(99) } catch { refused = error == .closed }
    print("items received: \(received.all.count); put after close refused: \(refused)")
    cell.check(allStopped, "every consumer left its loop after close()")
    cell.check(received.all.sorted() == Array(0..<30), "items queued before close() were drained, none lost")
    cell.check(refused, "put after close() throws .closed")
}
// ANCHOR_END: close

// ANCHOR: timeout
func getWithTimeout(_ cell: Cell) {
    let queue = BlockingQueue<Int>()
    let start = ContinuousClock.now
    var outcome = "an item"
    do { _ = try queue.get(timeout: .milliseconds(50)) } catch { outcome = "\(error)" }
    let waited = (ContinuousClock.now - start).seconds
    print("get(timeout: 50 ms) on an empty queue: \(outcome) after \(Format.duration(waited))")
    cell.value("timeout-waited", waited * 1000, digits: 1, unit: "ms")
    cell.value("timeout-ideal", 50, digits: 1, unit: "ms")
    cell.check(outcome == "timedOut", "the get gave up with .timedOut")
    cell.check(waited >= 0.049 && waited < 0.5, "it waited about the timeout: 0.050 s ≤ \(waited) s < 0.5 s")
}
// ANCHOR_END: timeout

// ANCHOR: join
func taskDoneJoin(_ cell: Cell) throws {
    let queue = BlockingQueue<Int>()
    let finished = ReceivedItems<Int>()
    let workers = ThreadGroup()
    for _ in 0..<3 {
        workers.spawn {
            while let job = try? queue.get() {
                Thread.sleep(forTimeInterval: 0.01)   // 10 ms of work
                finished.append(job)
                queue.taskDone()                      // after the work, not after get
            }
        }
    }
    let start = ContinuousClock.now
    for job in 0..<12 { try queue.put(job) }
    queue.join()                            // returns when all 12 got their taskDone()
    let elapsed = (ContinuousClock.now - start).seconds
    let doneAtJoin = finished.all.count
    queue.close()                           // now let the workers go
    workers.join()
    print("join() returned after \(Format.duration(elapsed)) with \(doneAtJoin) of 12 jobs finished")
    cell.value("join-elapsed", elapsed * 1000, digits: 0, unit: "ms")
    cell.value("join-ideal", 12.0 / 3 * 10, digits: 0, unit: "ms")   // 4 rounds of 10 ms
    cell.check(doneAtJoin == 12, "when join() returned, all 12 jobs were finished (\(doneAtJoin))")
    cell.check(elapsed >= 0.04, "12 jobs of 10 ms on 3 workers take at least 40 ms: \(elapsed) s")
}
// ANCHOR_END: join
