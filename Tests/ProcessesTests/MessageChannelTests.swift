import Foundation
import Processes
import Testing

/// A channel whose both ends are pipes inside this process: what is written on one
/// side is read on the other.
private struct LocalPipes {
    let toChannel = Pipe(), fromChannel = Pipe()
    var channel: MessageChannel {
        MessageChannel(readDescriptor: toChannel.fileHandleForReading.fileDescriptor,
                       writeDescriptor: fromChannel.fileHandleForWriting.fileDescriptor)
    }
    func write(_ text: String) { toChannel.fileHandleForWriting.write(Data(text.utf8)) }
    func closeWriting() throws { try toChannel.fileHandleForWriting.close() }
}

private struct Point: Codable, Equatable { var x: Int; var y: Int }

@Suite struct MessageChannelTests {
    @Test func messagesSplitAcrossAndJoinedInReadsAreFramedByLines() throws {
        let pipes = LocalPipes()
        let channel = pipes.channel
        pipes.write("{\"x\":1,\"y\":2}\n{\"x\":3,")
        pipes.write("\"y\":4}\n")
        #expect(try channel.receive(Point.self, timeout: .seconds(5)) == Point(x: 1, y: 2))
        #expect(try channel.receive(Point.self, timeout: .seconds(5)) == Point(x: 3, y: 4))
    }

    @Test func newlinesInsideStringsAreEscaped() throws {
        let pipes = LocalPipes()
        let channel = pipes.channel
        // Send through a second channel that writes where the first one reads.
        let sender = MessageChannel(readDescriptor: pipes.fromChannel.fileHandleForReading.fileDescriptor,
                                    writeDescriptor: pipes.toChannel.fileHandleForWriting.fileDescriptor)
        try sender.send(["two\nlines"])
        #expect(try channel.receive([String].self, timeout: .seconds(5)) == ["two\nlines"])
    }

    @Test func invalidJSONIsAnErrorNotACrash() throws {
        let pipes = LocalPipes()
        let channel = pipes.channel
        pipes.write("this is not JSON\n{\"x\":1}\n{\"x\":1,\"y\":2}\n")
        #expect(throws: MessageChannelError.invalidMessage(line: "this is not JSON", reason: "not valid JSON")) {
            try channel.receive(Point.self, timeout: .seconds(5))
        }
        #expect(throws: MessageChannelError.invalidMessage(line: "{\"x\":1}", reason: "missing key 'y'")) {
            try channel.receive(Point.self, timeout: .seconds(5))
        }
        // The channel stays usable: framing was intact, only the content was wrong.
        #expect(try channel.receive(Point.self, timeout: .seconds(5)) == Point(x: 1, y: 2))
    }

    @Test func endOfStreamInsideAMessageIsTruncation() throws {
        let pipes = LocalPipes()
        let channel = pipes.channel
        pipes.write("{\"x\":1")
        try pipes.closeWriting()
        #expect(throws: MessageChannelError.truncatedMessage(bytes: 6)) {
            try channel.receive(Point.self, timeout: .seconds(5))
        }
    }

    @Test func endOfStreamBetweenMessagesIsClosed() throws {
        let pipes = LocalPipes()
        let channel = pipes.channel
        try pipes.closeWriting()
        #expect(throws: MessageChannelError.closed) { try channel.receive(Point.self, timeout: .seconds(5)) }
    }

    @Test func receiveTimesOut() throws {
        let pipes = LocalPipes()
        let start = ContinuousClock.now
        #expect(throws: MessageChannelError.timedOut) { try pipes.channel.receive(Point.self, timeout: .milliseconds(100)) }
        #expect(ContinuousClock.now - start >= .milliseconds(100))
    }

    @Test func overlongLinesAreRejected() throws {
        let pipes = LocalPipes()
        let channel = MessageChannel(readDescriptor: pipes.toChannel.fileHandleForReading.fileDescriptor,
                                     writeDescriptor: pipes.fromChannel.fileHandleForWriting.fileDescriptor,
                                     maximumMessageLength: 1000)
        pipes.write(String(repeating: "a", count: 2000))
        #expect(throws: MessageChannelError.messageTooLong(limit: 1000)) {
            try channel.receive(String.self, timeout: .seconds(5))
        }
    }

    @Test func oneMebibyteBothWaysThroughAChildProcess() throws {
        let child = try ChildProcess(role: "echo", streams: .pipes, executable: TestWorker.url)
        defer { child.stop() }
        let big = String(repeating: "0123456789abcdef", count: 65_536)  // 1 MiB
        for id in 1...3 {
            // The worker reads the whole request before it replies, so a 1 MiB message
            // each way never has both sides blocked in `write` at once.
            try child.channel!.send(JobRequest(id: id, input: big))
            let reply = try child.channel!.receive(JobReply<String>.self, timeout: .seconds(20))
            #expect(reply.id == id)
            #expect(reply.output == big)
        }
    }

    @Test func writingToADeadReaderFailsWithEPIPE() throws {
        let child = try ChildProcess(role: "flood", arguments: ["0"], streams: .pipes, executable: TestWorker.url)
        child.waitUntilExit()
        #expect(throws: MessageChannelError.writeFailed(errno: EPIPE)) {
            try child.channel!.send(JobRequest(id: 1, input: String(repeating: "x", count: 200_000)))
        }
    }
}
