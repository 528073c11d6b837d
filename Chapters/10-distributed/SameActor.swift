import Foundation
import Notebook
import Primitives
import ProcessActors
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: same-actor
func sameActorBothSides(_ cell: Cell) async throws {
    try await ProcessActorSystem.withSystem { system in

        // Here: an ordinary local actor of the distributed type.
        let local = system.host(named: "local-counter") { Counter(actorSystem: $0) }

        // There: a worker process hosts a Counter named "counter"; its pid is its address.
        let worker = try system.startWorker(role: "counter-host")
        let remote = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)

        let localPID = try await local.processID()
        let remotePID = try await remote.processID()
        print("this process:      pid \(getpid())")
        print("local.id  = \(local.id),  it runs in pid \(localPID)")
        print("remote.id = \(remote.id),  it runs in pid \(remotePID)")

        // The same calls, the same code; only where they run differs.
        for _ in 0..<3 {
            _ = try await local.increment(by: 1)
            _ = try await remote.increment(by: 10)
        }
        let localCount = try await local.increment(by: 0)
        let remoteCount = try await remote.increment(by: 0)
        print("after three rounds: local count \(localCount), remote count \(remoteCount)")

        // A reference is only an ID: resolve it again and it is the same remote actor.
        let again = try Counter.resolve(id: remote.id, using: system)
        let sameCount = try await again.increment(by: 0)
        print("resolved again from \(remote.id): count \(sameCount)")
        // ANCHOR_END: same-actor
        cell.value("parent-pid", text: "\(getpid())")
        cell.value("worker-pid", text: "\(remotePID)")
        cell.check(localPID == getpid(), "the local actor ran in this process (pid \(localPID))")
        cell.check(remotePID == worker && remotePID != getpid(), "the remote actor ran in the worker (pid \(remotePID))")
        cell.check(localCount == 3 && remoteCount == 30, "each counter kept its own state: \(localCount) and \(remoteCount)")
        cell.check(sameCount == remoteCount, "a second reference from the same ID reaches the same actor")
    }
}

// ANCHOR: many-callers
func manyCallers(_ cell: Cell) async throws {
    try await ProcessActorSystem.withSystem { system in
        let worker = try system.startWorker(role: "counter-host")
        let counter = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)

        // 500 tasks, each one call in flight over the same pair of pipes.
        let start = ContinuousClock.now
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<500 {
                group.addTask { try await counter.increment(by: 1) }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        let elapsed = ContinuousClock.now - start
        print("500 calls from 500 tasks in \(Format.duration(elapsed.seconds))")
        print("the counts they saw, in the order the replies arrived: \(counts.prefix(12).map(String.init).joined(separator: ", ")), ...")
        // ANCHOR_END: many-callers
        cell.value("many-callers-elapsed", elapsed, digits: 3)
        cell.check(counts.sorted() == Array(1...500),
                   "every call got its own reply and no increment was lost: the counts are exactly 1...500")
    }
}

// ANCHOR: on-the-wire
func onTheWire(_ cell: Cell) async throws {
    let lines = Locked<[WireLine]>([])
    try await ProcessActorSystem.withSystem(wireTap: { line in lines.withLock { $0.append(line) } }) { system in
        let worker = try system.startWorker(role: "counter-host")
        let counter = try Counter.resolve(id: ProcessActorID(pid: worker, name: "counter"), using: system)

        let count = try await counter.increment(by: 5)
        for line in lines.withLock({ $0 }) {
            print(line.direction == .toWorker ? "to   \(line.worker): \(line.text)" : "from \(line.worker): \(line.text)")
        }
        // ANCHOR_END: on-the-wire
        let seen = lines.withLock { $0 }
        cell.check(count == 5, "the call returned 5")
        cell.check(seen.count == 2 && seen[0].direction == .toWorker && seen[1].direction == .fromWorker,
                   "one line went to the worker and one came back")
        cell.check(seen.first?.text.contains(#""arguments":["5"]"#) == true && seen.first?.text.contains(#""recipient":"counter""#) == true,
                   "the call names the actor and carries the argument as JSON")
    }
}
