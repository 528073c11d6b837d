import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process running this program (or another executable) in a worker role.
///
/// A thin layer over `Foundation.Process` (which starts children with `posix_spawn`,
/// never a bare `fork`) that adds what a parent needs and `Process` lacks:
/// a wait with a timeout, a `Termination` value, `kill()` (SIGKILL), and pipes on the
/// child's standard input and output when asked for.
///
///     let child = try ChildProcess(role: "greet")
///     child.waitUntilExit()          // .exited(code: 0)
///
/// If a `ChildProcess` is released while its process still runs, the process is killed
/// and reaped, so a forgotten child never outlives its parent's interest in it.
public final class ChildProcess: Sendable {
    /// What the child's standard input and output are connected to.
    public enum Streams: Sendable {
        /// The parent's own: the child prints where the parent prints.
        case inherited
        /// A pipe each: the parent writes to `input` and reads `output`; the child's
        /// standard error stays the parent's.
        case pipes
    }

    /// The child's process id.
    public let pid: Int32
    /// The write end of the child's standard input (with `.pipes`).
    public let input: FileHandle?
    /// The read end of the child's standard output (with `.pipes`).
    public let output: FileHandle?
    /// JSON-lines messages over `input` and `output` (with `.pipes`).
    public let channel: MessageChannel?

    private let process: Process
    private let exit: ExitNotice

    /// Starts `executable` with `WorkerRole.arguments(for: role, extra: arguments)`, in
    /// this process's environment plus `environment`.
    public init(role: String, arguments: [String] = [], streams: Streams = .inherited,
                environment: [String: String] = [:],
                executable: URL = WorkerRole.currentExecutable) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = WorkerRole.arguments(for: role, extra: arguments)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        var inputPipe: Pipe?, outputPipe: Pipe?
        if case .pipes = streams {
            inputPipe = Pipe()
            outputPipe = Pipe()
            process.standardInput = inputPipe
            process.standardOutput = outputPipe
        }
        let exit = ExitNotice()
        process.terminationHandler = { finished in
            exit.post(finished.terminationReason == .exit
                ? .exited(code: finished.terminationStatus)
                : .signalled(signal: finished.terminationStatus))
        }
        // ANCHOR: signal-mask
        // A child inherits the signal mask of the thread that starts it. Dispatch's
        // worker threads (where tests and tasks run) block almost every signal, and a
        // worker started from one would ignore `terminate()` forever. Unblocking for the
        // instant of the spawn gives every child the default mask, whichever thread
        // starts it.
        try SignalMask.withNothingBlocked { try process.run() }
        // ANCHOR_END: signal-mask
        // The child has its own copies of the pipe ends it uses; the parent keeps only
        // the other ends. Closing ours matters: a pipe reports end-of-file to its reader
        // only when every copy of its write end is closed.
        try? inputPipe?.fileHandleForReading.close()
        try? outputPipe?.fileHandleForWriting.close()
        self.process = process
        self.exit = exit
        self.pid = process.processIdentifier
        self.input = inputPipe?.fileHandleForWriting
        self.output = outputPipe?.fileHandleForReading
        if let input, let output {
            channel = MessageChannel(readDescriptor: output.fileDescriptor, writeDescriptor: input.fileDescriptor)
        } else {
            channel = nil
        }
    }


    deinit {
        if exit.termination == nil {
            _ = sendSignal(SIGKILL, to: pid)
            _ = exit.wait(timeout: .seconds(5))
        }
    }

    /// True until the child has ended and been reaped.
    public var isRunning: Bool { exit.termination == nil }

    /// How the child ended, or `nil` while it runs.
    public var termination: Termination? { exit.termination }

    /// Waits for the child to end (Python's `join()`).
    @discardableResult
    public func waitUntilExit() -> Termination {
        exit.wait()
    }

    /// Waits at most `timeout`; `nil` means the child is still running.
    @discardableResult
    public func wait(timeout: Duration) -> Termination? {
        exit.wait(timeout: timeout)
    }

    /// Asks the child to stop: sends SIGTERM (Python's `terminate()`). A child may catch it.
    public func terminate() { signal(SIGTERM) }

    /// Stops the child for certain: sends SIGKILL, which cannot be caught.
    public func kill() { signal(SIGKILL) }

    /// Sends `signal` to the child if it is still running.
    public func signal(_ signal: Int32) {
        // After the child is reaped its pid may belong to someone else: never signal it.
        guard exit.termination == nil else { return }
        _ = sendSignal(signal, to: pid)
    }

    /// Closes the child's standard input: a worker reading it sees end-of-file.
    public func closeInput() {
        try? input?.close()
    }

    /// Stops the child however it takes: closes its input and waits `grace`, then
    /// SIGTERM and waits `grace`, then SIGKILL and waits until it is reaped.
    @discardableResult
    public func stop(grace: Duration = .milliseconds(500)) -> Termination {
        closeInput()
        if let ended = wait(timeout: grace) { return ended }
        terminate()
        if let ended = wait(timeout: grace) { return ended }
        kill()
        return waitUntilExit()
    }

    // ANCHOR: collect-output
    /// Reads the child's whole output *while* waiting for it to end, so a child that
    /// writes more than a pipe holds (64 KiB on Linux) never blocks. Gives up after
    /// `timeout`: kills the child and returns what arrived, with `termination == nil`.
    public func collectOutput(timeout: Duration) -> (output: Data, termination: Termination?) {
        guard let output else { return (Data(), wait(timeout: timeout)) }
        let deadline = ContinuousClock.now + timeout
        var collected = Data()
        let descriptor = output.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let remaining = deadline - .now
            guard remaining > .zero, Pipes.waitReadable(descriptor, timeout: remaining) else {
                kill()
                waitUntilExit()
                return (collected, nil)
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                collected.append(contentsOf: buffer[0..<count])
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                break  // end of file: the child closed its output (usually by exiting)
            }
        }
        let remaining = deadline - .now
        if let ended = wait(timeout: max(remaining, .zero)) { return (collected, ended) }
        kill()
        waitUntilExit()
        return (collected, nil)
    }
    // ANCHOR_END: collect-output
}

/// `kill(2)` under a name that does not clash with `ChildProcess.kill()`.
private func sendSignal(_ signal: Int32, to pid: Int32) -> Int32 {
    kill(pid, signal)
}
