import Foundation
import Notebook
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: note
/// The message parent and worker exchange. Any `Codable` type will do.
struct Note: Codable, Equatable {
    var sender: Int32
    var text: String
}
// ANCHOR_END: note

// ANCHOR: shout
/// Worker role "shout": answers every note with the same text in capitals, until the
/// parent closes the pipe.
func shout() -> Never {
    WorkerLoop.exitWhenOrphaned()
    let channel = MessageChannel(readDescriptor: 0, writeDescriptor: 1)   // stdin, stdout
    while true {
        do {
            let note = try channel.receive(Note.self)
            try channel.send(Note(sender: getpid(), text: note.text.uppercased()))
        } catch .closed {
            exit(0)                       // end of file: the parent has nothing more to say
        } catch {
            FileHandle.standardError.write(Data("shout: \(error)\n".utf8))
            exit(2)
        }
    }
}
// ANCHOR_END: shout

// ANCHOR: messages
func exchangeMessages(_ cell: Cell) throws {
    let worker = try ChildProcess(role: "shout", streams: .pipes)
    defer { worker.stop() }
    let channel = worker.channel!
    var replies: [Note] = []
    for text in ["hello", "a line\nwith a newline inside", "goodbye"] {
        try channel.send(Note(sender: getpid(), text: text))
        let reply = try channel.receive(Note.self, timeout: .seconds(5))
        print("sent \(text.debugDescription), got \(reply.text.debugDescription) from pid \(reply.sender)")
        replies.append(reply)
    }
    worker.closeInput()                   // end of file for the worker: it exits
    let ended = worker.wait(timeout: .seconds(5))
    print("worker: \(ended.map { "\($0)" } ?? "still running")")
    // ANCHOR_END: messages
    cell.check(replies.map(\.text) == ["HELLO", "A LINE\nWITH A NEWLINE INSIDE", "GOODBYE"]
               && replies.allSatisfy { $0.sender == worker.pid },
               "three replies, in order, from the worker's pid; the newline inside a message survived the framing")
    cell.check(ended == .exited(code: 0), "closing the worker's input made it exit with code 0")
}

// ANCHOR: mumble
/// The start of a message that never ends.
let cutOff = #"{"sender": 1, "text": "cut off in the mi"#

/// Worker role "mumble": breaks the protocol on purpose.
func mumble() -> Never {
    print("this is not JSON")                          // a whole line, but not a message
    print(#"{"sender": 1}"#)                           // JSON, but not a Note
    print(cutOff, terminator: "")                      // no newline, then exit
    exit(0)
}
// ANCHOR_END: mumble

// ANCHOR: bad-messages
func badMessages(_ cell: Cell) throws {
    let worker = try ChildProcess(role: "mumble", streams: .pipes)
    defer { worker.stop() }
    var errors: [MessageChannelError] = []
    for _ in 1...4 {
        do {
            let note = try worker.channel!.receive(Note.self, timeout: .seconds(5))
            print("received \(note)")
        } catch {
            print("error: \(error)")
            errors.append(error)
        }
    }
    // ANCHOR_END: bad-messages
    let expected: [MessageChannelError] = [
        .invalidMessage(line: "this is not JSON", reason: "not valid JSON"),
        .invalidMessage(line: #"{"sender": 1}"#, reason: "missing key 'text'"),
        .truncatedMessage(bytes: cutOff.utf8.count),
        .closed,
    ]
    cell.check(errors == expected, "each broken message is an error the parent can report, and the parent carries on")
}

// ANCHOR: flood
/// Worker role "flood": writes `bytes` bytes to standard output, then exits.
func flood(bytes: Int) -> Never {
    WorkerLoop.exitWhenOrphaned()
    FileHandle.standardOutput.write(Data(repeating: UInt8(ascii: "x"), count: bytes))
    exit(0)
}
// ANCHOR_END: flood

/// How many bytes a pipe holds before a writer blocks, measured by filling one
/// without blocking until the kernel says "would block".
func measurePipeCapacity() -> Int {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return 0 }
    defer { close(ends[0]); close(ends[1]) }
    _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
    let chunk = [UInt8](repeating: 0, count: 1024)
    var total = 0
    while true {
        let written = chunk.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        guard written > 0 else { return total }
        total += written
    }
}

// ANCHOR: pipe-deadlock
func pipeDeadlock(_ cell: Cell) throws {
    let capacity = measurePipeCapacity()
    let size = 1 << 20                                         // 1 MiB, far more than a pipe holds
    print("a pipe holds \(capacity) bytes; the worker writes \(size)")

    // Wrong order: wait first, read afterwards. The worker fills the pipe and blocks in
    // write(); the parent blocks waiting for it to exit. Neither moves again. Here the
    // wait has a timeout, so the deadlock is detected instead of hanging the chapter.
    let stuck = try ChildProcess(role: "flood", arguments: ["\(size)"], streams: .pipes)
    defer { stuck.stop() }
    let waited = stuck.wait(timeout: .milliseconds(500))
    print("waiting first: after 0.5 s the worker is \(waited.map { "\($0)" } ?? "still running, blocked on a full pipe")")

    // Right order: read while waiting.
    let start = ContinuousClock.now
    let flowing = try ChildProcess(role: "flood", arguments: ["\(size)"], streams: .pipes)
    defer { flowing.stop() }
    let (output, ended) = flowing.collectOutput(timeout: .seconds(5))
    let elapsed = ContinuousClock.now - start
    print("draining while waiting: \(output.count) bytes, worker \(ended.map { "\($0)" } ?? "killed after 5 s")")
    // ANCHOR_END: pipe-deadlock
    cell.value("pipe-capacity", capacity, unit: "bytes")
    cell.value("flood-bytes", size, unit: "bytes")
    cell.value("drain-seconds", elapsed, digits: 3)
    cell.check(waited == nil && stuck.isRunning, "waiting without reading: the worker was still running after 0.5 s")
    cell.check(capacity < size, "the pipe holds \(capacity) bytes, less than the \(size) written")
    cell.check(output.count == size && ended == .exited(code: 0), "reading while waiting: all \(size) bytes arrived and the worker exited 0")
}
