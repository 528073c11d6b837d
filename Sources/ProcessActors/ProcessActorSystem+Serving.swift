import Foundation
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessActorSystem {
    // ANCHOR: serve-worker
    /// The worker's whole life: host the actors `setUp` creates, then run every call
    /// that arrives on standard input, each in a task of its own, and write each reply
    /// to standard output as soon as it is ready. Exits when the input ends (the parent
    /// stopped it) or the parent dies.
    public static func serveWorker(callTimeout: Duration? = nil,
                                   hosting setUp: (ProcessActorSystem) throws -> Void) -> Never {
        WorkerLoop.exitWhenOrphaned()
        // Replies go to a private copy of standard output; standard output itself is
        // pointed at standard error, so that a `print` in an actor cannot corrupt a reply.
        let replies = dup(1)
        dup2(2, 1)
        let channel = MessageChannel(readDescriptor: 0, writeDescriptor: replies)
        let system = ProcessActorSystem(callTimeout: callTimeout)
        system.keepHostedActorsAlive()
        do {
            try setUp(system)
        } catch {
            FileHandle.standardError.write(Data("worker \(getpid()): cannot host its actors: \(error)\n".utf8))
            exit(3)
        }
        while true {
            let call: CallMessage
            do {
                call = try channel.receive(CallMessage.self)
            } catch .closed {
                exit(0)
            } catch {
                // Not a call: the parent is broken. Say so and end; the parent sees the
                // worker die and fails its pending calls.
                FileHandle.standardError.write(Data("worker \(getpid()): \(error)\n".utf8))
                exit(2)
            }
            // Calls run concurrently; an actor still runs its own methods one at a time
            // between suspension points (it is reentrant at each `await`).
            Task {
                let reply = await system.execute(call)
                try? channel.send(reply)  // fails only when the parent is gone
            }
        }
    }
    // ANCHOR_END: serve-worker
}
