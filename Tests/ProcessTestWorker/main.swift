// The worker roles the Processes tests start. Each role is one small, predictable
// behaviour: echo, square, crash or hang on a given input, reply nonsense, add to a
// shared counter, flood standard output.
import Foundation
import Processes
import Synchronization

let extra = WorkerRole.extraArguments()

/// The n-th extra argument as an integer (or `fallback`).
func argument(_ n: Int, _ fallback: Int) -> Int {
    n < extra.count ? Int(extra[n]) ?? fallback : fallback
}

switch WorkerRole.current() {
case "echo":
    WorkerLoop.serve { (text: String) in text }

case "square":
    // extra: milliseconds to sleep per job
    let pause = argument(0, 0)
    WorkerLoop.serve { (n: Int) -> Int in
        if pause > 0 { Thread.sleep(forTimeInterval: Double(pause) / 1000) }
        return n * n
    }

case "fragile":
    // extra: the input that crashes, the input that hangs
    let crashOn = argument(0, -1), hangOn = argument(1, -1)
    WorkerLoop.serve { (n: Int) -> Int in
        if n == crashOn { abort() }
        if n == hangOn { while true { Thread.sleep(forTimeInterval: 1) } }
        return n * n
    }

case "throws":
    struct Odd: Error {}
    WorkerLoop.serve { (n: Int) -> Int in
        if n % 2 == 1 { throw Odd() }
        return n
    }

case "garbage":
    // Replies with a line that is not JSON to every request.
    WorkerLoop.exitWhenOrphaned()
    while readLine() != nil {
        print("this is not JSON")
        fflush(nil)
    }

case "wrong-id":
    WorkerLoop.exitWhenOrphaned()
    let channel = MessageChannel(readDescriptor: 0, writeDescriptor: 1)
    while let request = try? channel.receive(JobRequest<Int>.self) {
        try? channel.send(JobReply(id: request.id + 1, output: request.input))
    }

case "shm-add":
    // extra: segment name, increments, "atomic" or "plain"
    WorkerLoop.exitWhenOrphaned()
    let segment = try SharedMemory(opening: extra[0])
    let times = argument(1, 0)
    withExtendedLifetime(segment) {       // the mapping must outlive the loops
        let counter = segment.pointer.assumingMemoryBound(to: Atomic<Int>.self)
        if extra[2] == "atomic" {
            for _ in 0..<times { counter.pointee.wrappingAdd(1, ordering: .relaxed) }
        } else {
            for _ in 0..<times {
                let seen = counter.pointee.load(ordering: .relaxed)
                counter.pointee.store(seen + 1, ordering: .relaxed)
            }
        }
    }

case "flood":
    // extra: bytes to write to standard output
    WorkerLoop.exitWhenOrphaned()
    FileHandle.standardOutput.write(Data(repeating: UInt8(ascii: "x"), count: argument(0, 0)))

case "sleep":
    WorkerLoop.exitWhenOrphaned()
    Thread.sleep(forTimeInterval: Double(argument(0, 60)))

case "guardian":
    // Starts a "sleep" worker, reports its pid as one JSON line, then sleeps: the test
    // kills this process and checks that the orphaned sleeper ends by itself.
    WorkerLoop.exitWhenOrphaned()
    let sleeper = try ChildProcess(role: "sleep", arguments: ["30"])
    try MessageChannel(readDescriptor: 0, writeDescriptor: 1).send(sleeper.pid)
    Thread.sleep(forTimeInterval: 30)

case let role:
    FileHandle.standardError.write(Data("process-test-worker: unknown role \(role ?? "(none)")\n".utf8))
    exit(64)
}
