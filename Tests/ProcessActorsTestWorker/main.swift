// The worker roles the ProcessActors tests start: a well-behaved host of a Calculator,
// and workers that break the protocol in the ways a parent must survive.
import Foundation
import ProcessActors
import ProcessActorsTestActors
import Processes

switch WorkerRole.current() {
case "calculator":
    ProcessActorSystem.serveWorker { system in
        system.host(named: "calc") { Calculator(actorSystem: $0) }
    }

case "garbage":
    // Answers every call with a line that is not JSON.
    WorkerLoop.exitWhenOrphaned()
    while readLine() != nil {
        print("this is not JSON")
        fflush(nil)
    }

case "wrong-type":
    // Answers every call with a well-formed reply whose value is a string, whatever
    // the method returns.
    WorkerLoop.exitWhenOrphaned()
    let channel = MessageChannel(readDescriptor: 0, writeDescriptor: 1)
    while let call = try? channel.receive(CallMessage.self) {
        try? channel.send(ReplyMessage(callID: call.callID, outcome: .value(json: "\"not a number\"")))
    }

case "silent":
    // Reads every call and never answers.
    WorkerLoop.exitWhenOrphaned()
    while readLine() != nil {}

case "leave-heir":
    // Starts a "heir" that inherits this worker's pipes, writes the heir's pid to the
    // file named by HEIR_PID_FILE, then reads one call and exits without answering: the
    // pipes stay open after this process has ended.
    WorkerLoop.exitWhenOrphaned()
    let heir = Process()
    heir.executableURL = WorkerRole.currentExecutable
    // The heir watches the test runner, not this worker, which is about to exit.
    heir.arguments = [WorkerRole.flag, "heir", WorkerRole.parentFlag, "\(getppid())"]
    heir.standardInput = FileHandle.standardInput
    heir.standardOutput = FileHandle.standardOutput
    try heir.run()
    if let path = ProcessInfo.processInfo.environment["HEIR_PID_FILE"] {
        try "\(heir.processIdentifier)".write(toFile: path, atomically: true, encoding: .utf8)
    }
    _ = readLine()
    exit(0)

case "heir":
    // Outlives the leave-heir worker on purpose; the test kills it, and it ends by
    // itself within 20 s or when the test runner does.
    WorkerLoop.exitWhenOrphaned()
    Thread.sleep(forTimeInterval: 20)

case let role:
    FileHandle.standardError.write(Data("process-actors-test-worker: unknown role \(role ?? "(none)")\n".utf8))
    exit(64)
}
