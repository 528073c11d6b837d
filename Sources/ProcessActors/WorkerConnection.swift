import Dispatch
import Foundation
import Primitives
import Processes

/// The parent's end of one worker process: its pipes, the calls waiting for replies,
/// and the thread that reads the replies and hands each to the call it answers.
///
/// Many tasks may call actors in the same worker at once; every call gets a number,
/// and the replies, which come back in whatever order the worker finishes them, are
/// matched by that number. When the worker dies, the reader sees its output end and
/// fails every pending call with `ProcessActorError.workerDied`: none is left waiting.
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
    private let readerEnded = DispatchSemaphore(value: 0)

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

    init(child: ChildProcess, callTimeout: Duration?, wireTap: (@Sendable (WireLine) -> Void)? = nil) {
        precondition(child.channel != nil, "a worker connection needs the child's pipes")
        self.child = child
        self.channel = child.channel!
        self.callTimeout = callTimeout
        self.wireTap = wireTap
        Thread { [self] in readReplies() }.start()
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
        let deadline = callTimeout.map { ContinuousClock.now + $0 }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Registered before it is sent: the reply may arrive before `send` returns.
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
                do {
                    try channel.send(message)
                } catch MessageChannelError.writeFailed {
                    finish(callID, with: .failure(ProcessActorError.workerDied(pid: pid, termination: child.termination)))
                } catch {
                    finish(callID, with: .failure(ProcessActorError.serialization("\(error)")))
                }
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
                // The process is gone but its output is still open: a process it started
                // (a crash reporter, say) holds a copy of the pipe. Take the replies that
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
    func stop(grace: Duration = .milliseconds(500)) {
        state.withLock { state in
            if case .open = state.phase { state.phase = .stopping }
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
