import Dispatch
import Foundation
import Primitives
import Processes

/// The parent's end of one worker process: its pipes, the calls waiting for replies,
/// a thread that writes the calls and a thread that reads the replies and hands each
/// to the call it answers.
///
/// Many tasks may call actors in the same worker at once; every call gets a number,
/// and the replies, which come back in whatever order the worker finishes them, are
/// matched by that number. When the worker dies, the reader sees its output end and
/// fails every pending call with `ProcessActorError.workerDied`: none is left waiting.
///
/// Writing to a pipe blocks while the pipe is full, for as long as the worker does not
/// read. So no task writes: a call only puts its line in the outbox, and the writer
/// thread blocks instead. A worker that stops reading then holds up the writer thread
/// and nothing else; its calls still time out, and other tasks keep running.
final class WorkerConnection: Sendable {
    /// How often the reader looks for calls past their timeout, and for a worker whose
    /// process ended while its pipes stayed open.
    static let sweepInterval: Duration = .milliseconds(50)
    /// How long to wait for a dead worker's exit status, which arrives when Foundation
    /// has reaped the process: usually at once, seconds later on a machine under load.
    static let reapWait: Duration = .seconds(5)

    let child: ChildProcess
    private let channel: MessageChannel
    private let callTimeout: Duration?
    private let wireTap: (@Sendable (WireLine) -> Void)?
    private let state = Locked(State())
    private let outbox = Locked(Outbox())
    /// Signalled once per line put in the outbox, and once to stop the writer.
    private let outboxFilled = DispatchSemaphore(value: 0)
    private let readerEnded = DispatchSemaphore(value: 0)
    private let writerEnded = DispatchSemaphore(value: 0)

    /// True once the worker's process has ended, even if its pipes are still open.
    private var workerHasEnded: Bool {
        child.termination != nil || ProcessTable.isRunning(pid) == false
    }

    /// A call sent and not yet answered.
    struct Pending {
        let continuation: CheckedContinuation<ReplyMessage.Outcome, any Error>
        let recipient: ProcessActorID
        let deadline: ContinuousClock.Instant?
    }

    /// Open while the worker can take calls; closed for good, with the reason every
    /// later call is refused with.
    enum Phase {
        case open
        case stopping
        case closed(ProcessActorError)
    }

    struct State {
        var phase = Phase.open
        var nextCallID: UInt64 = 1
        var pending: [UInt64: Pending] = [:]
    }

    /// The encoded calls waiting for the writer thread, in the order they were made.
    struct Outbox {
        var lines: [(callID: UInt64, bytes: Data)] = []
        var stopRequested = false
        /// Set when the writer has ended: every later line is refused with it.
        var closed: ProcessActorError?
    }

    init(child: ChildProcess, callTimeout: Duration?, wireTap: (@Sendable (WireLine) -> Void)? = nil) {
        precondition(child.channel != nil, "a worker connection needs the child's pipes")
        self.child = child
        self.channel = child.channel!
        self.callTimeout = callTimeout
        self.wireTap = wireTap
        Thread { [self] in readReplies() }.start()
        Thread { [self] in writeCalls() }.start()
    }

    var pid: Int32 { child.pid }

    // ANCHOR: call
    /// Sends `message` (its `callID` is set here) and waits for the reply.
    func call(_ message: CallMessage, to recipient: ProcessActorID) async throws -> ReplyMessage.Outcome {
        var message = message
        message.callID = state.withLock { state in
            defer { state.nextCallID += 1 }
            return state.nextCallID
        }
        let callID = message.callID
        let line: Data
        do {
            line = try JSONEncoder().encode(message)
        } catch {
            throw ProcessActorError.serialization("\(error)")
        }
        let deadline = callTimeout.map { ContinuousClock.now + $0 }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Registered before it is sent: the reply may arrive before the line is
                // even out of the outbox.
                let refusal = state.withLock { state -> ProcessActorError? in
                    switch state.phase {
                    case .closed(let reason): return reason
                    case .stopping: return .workerStopped(pid: pid)
                    case .open:
                        state.pending[callID] = Pending(continuation: continuation, recipient: recipient, deadline: deadline)
                        return nil
                    }
                }
                if let refusal { return continuation.resume(throwing: refusal) }
                if Task.isCancelled { return finish(callID, with: .failure(CancellationError())) }
                wireTap?(WireLine(worker: pid, direction: .toWorker, message: message))
                // Never blocks: the writer thread does the writing.
                post(line, for: callID)
            }
        } onCancel: {
            // The worker may still run the call; only the caller stops waiting for it.
            finish(callID, with: .failure(CancellationError()))
        }
    }
    // ANCHOR_END: call

    /// Ends one pending call, if it is still pending: whoever takes it out of the table
    /// first (a reply, the worker's death, a timeout, a cancellation) resumes it, once.
    private func finish(_ callID: UInt64, with result: Result<ReplyMessage.Outcome, any Error>) {
        let call = state.withLock { $0.pending.removeValue(forKey: callID) }
        call?.continuation.resume(with: result)
    }

    /// Puts a call's line in the outbox for the writer thread, or fails the call if the
    /// writer has ended.
    private func post(_ line: Data, for callID: UInt64) {
        let refusal = outbox.withLock { outbox -> ProcessActorError? in
            if let closed = outbox.closed { return closed }
            outbox.lines.append((callID, line))
            return nil
        }
        if let refusal { return finish(callID, with: .failure(refusal)) }
        outboxFilled.signal()
    }

    // ANCHOR: write-calls
    /// The writer thread's loop: one line at a time, in order, until the connection
    /// stops or a write fails. A write blocks while the pipe is full; only this thread
    /// waits then.
    private func writeCalls() {
        defer { writerEnded.signal() }
        while true {
            outboxFilled.wait()
            let next = outbox.withLock { outbox -> (callID: UInt64, bytes: Data)? in
                outbox.stopRequested || outbox.lines.isEmpty ? nil : outbox.lines.removeFirst()
            }
            guard let next else { return closeOutbox(because: .workerStopped(pid: pid)) }
            do {
                try channel.sendLine(next.bytes)
            } catch {
                // The worker's input is closed: it died, or is dying. Its exit status,
                // the same every other call will get, arrives when it has been reaped.
                let reason = ProcessActorError.workerDied(pid: pid, termination: child.wait(timeout: Self.reapWait))
                finish(next.callID, with: .failure(finalReason(reason)))
                return closeOutbox(because: reason)
            }
        }
    }
    // ANCHOR_END: write-calls

    /// Refuses every later line, and fails the calls whose lines were never written.
    private func closeOutbox(because reason: ProcessActorError) {
        let final = finalReason(reason)
        let unsent = outbox.withLock { outbox in
            outbox.closed = final
            defer { outbox.lines.removeAll() }
            return outbox.lines
        }
        for line in unsent { finish(line.callID, with: .failure(final)) }
    }

    /// `reason`, unless the connection is being stopped on purpose or has closed already.
    private func finalReason(_ reason: ProcessActorError) -> ProcessActorError {
        state.withLock { state in
            switch state.phase {
            case .closed(let earlier): earlier
            case .stopping: .workerStopped(pid: pid)
            case .open: reason
            }
        }
    }

    // ANCHOR: read-replies
    /// The reader thread's loop: one reply at a time, until the worker's output ends
    /// or the worker's process does.
    private func readReplies() {
        defer { readerEnded.signal() }
        var lastSweep = ContinuousClock.now
        while true {
            let step = readOneReply(timeout: Self.sweepInterval)
            if case .ended(let reason) = step {
                close(because: reason)
                return
            }
            if ContinuousClock.now - lastSweep >= Self.sweepInterval {
                lastSweep = .now
                failExpiredCalls()
            }
            if case .quiet = step, workerHasEnded {
                // The process is gone but its output is still open: a process it started,
                // which outlives it, holds a copy of the pipe. Take the replies that
                // already arrived, then give up on the rest.
                var last = readOneReply(timeout: .milliseconds(1))
                while case .replied = last { last = readOneReply(timeout: .milliseconds(1)) }
                if case .ended(let reason) = last { close(because: reason) }
                else { close(because: .workerDied(pid: pid, termination: child.wait(timeout: Self.reapWait))) }
                return
            }
        }
    }

    private enum ReadStep {
        case replied
        case quiet
        case ended(ProcessActorError)
    }

    /// Receives one reply and hands it to its call.
    private func readOneReply(timeout: Duration) -> ReadStep {
        do {
            let reply = try channel.receive(ReplyMessage.self, timeout: timeout)
            wireTap?(WireLine(worker: pid, direction: .fromWorker, message: reply))
            // A reply nobody waits for (its call timed out or was cancelled) is dropped.
            finish(reply.callID, with: .success(reply.outcome))
            return .replied
        } catch .timedOut {
            return .quiet
        } catch .closed, .truncatedMessage {
            // The worker's output ended: it exited or was killed. Its exit status
            // arrives a moment later, when the process has been reaped.
            return .ended(.workerDied(pid: pid, termination: child.wait(timeout: Self.reapWait)))
        } catch {
            // A line that is not a reply: the worker is broken, and nothing it says
            // can be trusted any more.
            child.kill()
            return .ended(.malformedReply(pid: pid, reason: "\(error)"))
        }
    }
    // ANCHOR_END: read-replies

    /// Fails every pending call and refuses every later one, with `reason` (or, if the
    /// worker was being stopped on purpose, `.workerStopped`).
    private func close(because reason: ProcessActorError) {
        let (abandoned, final) = state.withLock { state -> ([Pending], ProcessActorError) in
            let final: ProcessActorError
            switch state.phase {
            case .closed(let earlier): final = earlier
            case .stopping: final = .workerStopped(pid: pid)
            case .open: final = reason
            }
            state.phase = .closed(final)
            defer { state.pending.removeAll() }
            return (Array(state.pending.values), final)
        }
        for call in abandoned { call.continuation.resume(throwing: final) }
    }

    private func failExpiredCalls() {
        guard let callTimeout else { return }
        let now = ContinuousClock.now
        let expired = state.withLock { state -> [Pending] in
            let ids = state.pending.filter { $0.value.deadline.map { $0 <= now } ?? false }.keys
            return ids.compactMap { state.pending.removeValue(forKey: $0) }
        }
        for call in expired {
            call.continuation.resume(throwing: ProcessActorError.timedOut(call.recipient, after: callTimeout))
        }
    }

    /// Stops the worker: closes its input (it exits when it reads the end), and kills it
    /// if it does not go within `grace`. Pending calls end with `.workerStopped`.
    /// Blocks for up to a few seconds: from async code, use `ProcessActorSystem`'s
    /// `stopAllWorkers()`, which waits on a thread of its own.
    func stop(grace: Duration = .milliseconds(500)) {
        state.withLock { state in
            if case .open = state.phase { state.phase = .stopping }
        }
        // The writer must end before the input is closed: a descriptor closed under a
        // write in progress could be reused by the time the write is retried. It ends
        // at once, unless it is stuck in a write to a worker that does not read; then
        // only the worker's death ends the write.
        outbox.withLock { $0.stopRequested = true }
        outboxFilled.signal()
        if writerEnded.wait(timeout: .now() + grace.inSeconds) == .timedOut {
            child.kill()
            _ = writerEnded.wait(timeout: .now() + Self.reapWait.inSeconds + 1)
        }
        // Like `ChildProcess.stop`, but never waits without a limit: a process that
        // cannot be reaped (another process is tracing it) must not hang the caller.
        child.closeInput()
        if child.wait(timeout: grace) == nil {
            child.terminate()
            if child.wait(timeout: grace) == nil {
                child.kill()
                _ = child.wait(timeout: .seconds(5))
            }
        }
        // The reader ends once the worker's output does; wait so that no thread
        // outlives the connection's use.
        _ = readerEnded.wait(timeout: .now() + .seconds(5))
    }
}

extension Duration {
    /// This duration in seconds, for Dispatch's deadlines.
    fileprivate var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
