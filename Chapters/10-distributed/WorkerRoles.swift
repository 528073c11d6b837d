import Foundation
import ProcessActors
import Processes

// ANCHOR: run-worker
/// Plays worker role `role` and ends the process. Every role this chapter starts is here.
func runWorker(_ role: String) -> Never {
    switch role {
    case "counter-host":
        // Host one Counter under the name "counter", then serve calls until the
        // parent closes the pipe.
        ProcessActorSystem.serveWorker { system in
            system.host(named: "counter") { Counter(actorSystem: $0) }
        }
    case "echo-lines": echoLines()
    case "exercise-host":
        ProcessActorSystem.serveWorker { system in
            system.host(named: "shelf") { Shelf(actorSystem: $0) }
        }
    default:
        FileHandle.standardError.write(Data("unknown worker role '\(role)'\n".utf8))
        exit(64)
    }
}
// ANCHOR_END: run-worker

// ANCHOR: echo-lines
/// Sends every number it receives straight back: the pipes and the framing, and no
/// actor, so the cost cell can tell the transport's share of a remote call.
func echoLines() -> Never {
    WorkerLoop.exitWhenOrphaned()
    let channel = MessageChannel(readDescriptor: 0, writeDescriptor: 1)
    while let number = try? channel.receive(Int.self) {
        try? channel.send(number)
    }
    exit(0)
}
// ANCHOR_END: echo-lines
