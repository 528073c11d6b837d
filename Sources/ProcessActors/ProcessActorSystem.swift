import Distributed
import Foundation
import Primitives
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `DistributedActorSystem` whose actors live in this program's worker processes.
///
/// The parent starts workers (copies of this program in a worker role, as in chapter
/// 04) and calls the actors they host; each call travels as one JSON line down the
/// worker's standard input, and its reply comes back up the worker's standard output.
///
///     // the parent
///     let system = ProcessActorSystem()
///     let pid = try system.startWorker(role: "bank")
///     let account = try Account.resolve(id: ProcessActorID(pid: pid, name: "savings"), using: system)
///     try await account.deposit(5)              // runs in process `pid`
///
///     // the worker, first thing in main.swift
///     if WorkerRole.current() == "bank" {
///         ProcessActorSystem.serveWorker { system in
///             system.host(named: "savings") { Account(actorSystem: $0) }
///         }
///     }
///
/// The same actor type, created in this process with `host(named:)` or a plain
/// initialiser, is an ordinary local actor: calls on it never leave the process.
public final class ProcessActorSystem: DistributedActorSystem, Sendable {
    public typealias ActorID = ProcessActorID
    public typealias InvocationEncoder = CallEncoder
    public typealias InvocationDecoder = CallDecoder
    public typealias ResultHandler = ReplyRecorder
    public typealias SerializationRequirement = any Codable

    /// This process, the address of the actors it hosts.
    public let pid: Int32
    /// How long a remote call may wait for its reply; `nil` waits for as long as the
    /// worker lives.
    public let callTimeout: Duration?
    /// The call timeout a system gets unless it is given another.
    public static let defaultCallTimeout: Duration = .seconds(30)
    /// Sees every message to and from the workers, when set (for the book; it costs an
    /// extra encoding per message).
    private let wireTap: (@Sendable (WireLine) -> Void)?

    /// The actors other processes can call, by name. Held weakly: a hosted actor holds
    /// its system, so a strong reference here would keep both alive for good. An actor
    /// leaves the table when it is deinitialised (`resignID`).
    private let hosted = Locked<[String: HostedActor]>([:])
    /// Strong references to the hosted actors, kept only in a worker (`serveWorker`),
    /// where a hosted actor serves until the process ends.
    private let keptAlive = Locked<[any DistributedActor]?>(nil)
    private let workers = Locked<[Int32: WorkerConnection]>([:])
    private let unnamedCount = Locked(0)

    struct HostedActor: Sendable {
        weak var actor: (any DistributedActor)?
    }

    /// The name `host(named:)` gives the actor being created: taken by the first actor
    /// `make` creates, so that any other actor it creates gets a name of its own.
    @TaskLocal private static var nameForNewActor: NameClaim?

    final class NameClaim: Sendable {
        private let name: Locked<String?>
        init(_ name: String) { self.name = Locked(name) }
        func take() -> String? { name.withLock { name in defer { name = nil }; return name } }
    }

    public init(callTimeout: Duration? = ProcessActorSystem.defaultCallTimeout, wireTap: (@Sendable (WireLine) -> Void)? = nil) {
        self.pid = getpid()
        self.callTimeout = callTimeout
        self.wireTap = wireTap
    }

    /// A system is deinitialised only when no actor and no proxy refers to it any more
    /// (each holds its system). Stop the workers yourself, `await stopAllWorkers()` from
    /// async code; this is the last resort, and blocks while the workers stop.
    deinit {
        shutdown()
    }

    // MARK: Actors in this process

    // ANCHOR: host
    /// Creates an actor with `make` under `name`, so that other processes can resolve
    /// `ProcessActorID(pid: pid, name: name)`. `make` creates the actor; the caller
    /// keeps it alive (in a worker, `serveWorker` does). A name contains no `#`, which
    /// marks the names the system makes up for actors created without one.
    @discardableResult
    public func host<Act: DistributedActor>(named name: String,
                                            _ make: (ProcessActorSystem) throws -> Act) rethrows -> Act
    where Act.ActorSystem == ProcessActorSystem {
        precondition(!name.contains("#"), "'#' is reserved for automatic names: '\(name)'")
        let actor = try Self.$nameForNewActor.withValue(NameClaim(name)) { try make(self) }
        precondition(actor.id == ProcessActorID(pid: pid, name: name),
                     "`make` must return the actor it creates, not \(actor.id)")
        hosted.withLock { hosted in
            precondition(hosted[name]?.actor == nil, "an actor named '\(name)' is already hosted in process \(pid)")
            hosted[name] = HostedActor(actor: actor)
        }
        keptAlive.withLock { $0?.append(actor) }
        return actor
    }
    // ANCHOR_END: host

    public func assignID<Act>(_ actorType: Act.Type) -> ProcessActorID
    where Act: DistributedActor, Act.ID == ProcessActorID {
        if let name = Self.nameForNewActor?.take() { return ProcessActorID(pid: pid, name: name) }
        let number = unnamedCount.withLock { count in
            count += 1
            return count
        }
        return ProcessActorID(pid: pid, name: "\(Act.self)#\(number)")
    }

    public func actorReady<Act>(_ actor: Act) where Act: DistributedActor, Act.ID == ProcessActorID {}

    /// Called when a local actor is deinitialised: its name is free again.
    public func resignID(_ id: ProcessActorID) {
        hosted.withLock { hosted in
            if hosted[id.name]?.actor == nil { hosted[id.name] = nil }
        }
    }

    /// In a worker: every actor hosted from now on lives as long as the process.
    func keepHostedActorsAlive() {
        keptAlive.withLock { $0 = $0 ?? [] }
    }

    /// The number of actors hosted in this process and still alive (for the tests).
    public var hostedCount: Int {
        hosted.withLock { $0.values.count { $0.actor != nil } }
    }

    // ANCHOR: resolve
    /// The hosted actor for an ID of this process, `nil` for an ID in a connected worker
    /// (the runtime then makes a proxy, whose calls go to `remoteCall`). An actor that
    /// was not created with `host(named:)` cannot be resolved, here or elsewhere.
    public func resolve<Act>(id: ProcessActorID, as actorType: Act.Type) throws -> Act?
    where Act: DistributedActor, Act.ID == ProcessActorID {
        if id.pid == pid {
            guard let actor = hosted.withLock({ $0[id.name]?.actor }) as? Act else {
                throw ProcessActorError.noSuchActor(id)
            }
            return actor
        }
        guard workers.withLock({ $0[id.pid] }) != nil else {
            throw ProcessActorError.noSuchProcess(pid: id.pid)
        }
        return nil
    }
    // ANCHOR_END: resolve

    // MARK: Workers

    /// Starts `executable` (this program by default) in worker role `role`, with
    /// `environment` added to this process's; its `main.swift` must call `serveWorker`
    /// for that role. Returns its pid, the address of the actors it hosts.
    @discardableResult
    public func startWorker(role: String, arguments: [String] = [], environment: [String: String] = [:],
                            executable: URL = WorkerRole.currentExecutable) throws -> Int32 {
        let child = try ChildProcess(role: role, arguments: arguments, streams: .pipes,
                                     environment: environment, executable: executable)
        let connection = WorkerConnection(child: child, callTimeout: callTimeout, wireTap: wireTap)
        workers.withLock { $0[child.pid] = connection }
        return child.pid
    }

    /// The pids of the workers this system started and has not stopped, dead or alive.
    public var workerPIDs: [Int32] { workers.withLock { $0.keys.sorted() } }

    /// How worker `pid` ended, or `nil` while it runs (or if it is not ours).
    public func termination(ofWorker pid: Int32) -> Termination? {
        workers.withLock { $0[pid] }?.child.termination
    }

    /// Stops worker `pid` and forgets it: its pending calls end with `.workerStopped`,
    /// later resolves of its actors with `.noSuchProcess`.
    public func stopWorker(_ pid: Int32) {
        workers.withLock { $0.removeValue(forKey: pid) }?.stop()
    }

    /// Stops every worker, and waits until each has ended: up to a few seconds for a
    /// worker that does not stop when asked. Blocks the calling thread; in async code,
    /// `await stopAllWorkers()` instead.
    public func shutdown() {
        for worker in takeAllWorkers() { worker.stop() }
    }

    /// Stops every worker, as `shutdown()` does, but waits on a thread of its own, so
    /// that no thread of the task pool is blocked meanwhile.
    public func stopAllWorkers() async {
        let all = takeAllWorkers()
        guard !all.isEmpty else { return }
        await onOwnThread { for worker in all { worker.stop() } }
    }

    /// Runs `body` with a new system, then stops the system's workers however `body`
    /// ends (a `defer` cannot `await`, so async code uses this instead of
    /// `defer { system.shutdown() }`, which would block a thread of the task pool).
    public static func withSystem<Result>(
        callTimeout: Duration? = ProcessActorSystem.defaultCallTimeout,
        wireTap: (@Sendable (WireLine) -> Void)? = nil,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (ProcessActorSystem) async throws -> Result
    ) async throws -> Result {
        let system = ProcessActorSystem(callTimeout: callTimeout, wireTap: wireTap)
        do {
            let result = try await body(system)
            await system.stopAllWorkers()
            return result
        } catch {
            await system.stopAllWorkers()
            throw error
        }
    }

    private func takeAllWorkers() -> [WorkerConnection] {
        workers.withLock { workers in
            defer { workers.removeAll() }
            return Array(workers.values)
        }
    }

    // MARK: Remote calls

    // ANCHOR: remote-call
    public func remoteCall<Act, Err, Res>(on actor: Act, target: RemoteCallTarget,
                                          invocation: inout CallEncoder, throwing: Err.Type,
                                          returning: Res.Type) async throws -> Res
    where Act: DistributedActor, Act.ID == ProcessActorID, Err: Error, Res: Codable {
        switch try await send(invocation, to: actor.id, target: target) {
        case .value(let json):
            do {
                return try JSONDecoder().decode(Res.self, from: Data(json.utf8))
            } catch {
                throw ProcessActorError.serialization("the reply is not a \(Res.self): \(json.prefix(80))")
            }
        case .void:
            throw ProcessActorError.serialization("the reply has no value; a \(Res.self) was expected")
        case .failure(let failure):
            throw failure.rebuilt()
        }
    }
    // ANCHOR_END: remote-call

    public func remoteCallVoid<Act, Err>(on actor: Act, target: RemoteCallTarget,
                                         invocation: inout CallEncoder, throwing: Err.Type) async throws
    where Act: DistributedActor, Act.ID == ProcessActorID, Err: Error {
        if case .failure(let failure) = try await send(invocation, to: actor.id, target: target) {
            throw failure.rebuilt()
        }
    }

    private func send(_ invocation: CallEncoder, to id: ProcessActorID,
                      target: RemoteCallTarget) async throws -> ReplyMessage.Outcome {
        guard let worker = workers.withLock({ $0[id.pid] }) else {
            throw ProcessActorError.noSuchProcess(pid: id.pid)
        }
        let message = CallMessage(callID: 0, recipient: id.name, target: target.identifier,
                                  genericSubstitutions: invocation.genericSubstitutions,
                                  arguments: invocation.arguments)
        return try await worker.call(message, to: id)
    }

    public func makeInvocationEncoder() -> CallEncoder {
        CallEncoder()
    }

    // MARK: Serving calls (the worker's side)

    // ANCHOR: execute
    /// Runs one call that arrived from another process on the actor it names, and
    /// returns the reply to send back. Never throws: every failure is a reply.
    public func execute(_ call: CallMessage) async -> ReplyMessage {
        let id = ProcessActorID(pid: pid, name: call.recipient)
        guard let actor = hosted.withLock({ $0[call.recipient]?.actor }) else {
            return ReplyMessage(callID: call.callID, outcome: .failure(error: RemoteFailure(ProcessActorError.noSuchActor(id))))
        }
        var decoder = CallDecoder(call)
        let recorder = ReplyRecorder()
        do {
            try await executeDistributedTarget(on: actor, target: RemoteCallTarget(call.target),
                                               invocationDecoder: &decoder, handler: recorder)
        } catch {
            // The call could not be made: an unknown method, arguments that do not fit.
            return ReplyMessage(callID: call.callID, outcome: .failure(error: RemoteFailure(error)))
        }
        let outcome = recorder.outcome
            ?? .failure(error: RemoteFailure(ProcessActorError.serialization("the call ended without a result")))
        return ReplyMessage(callID: call.callID, outcome: outcome)
    }
    // ANCHOR_END: execute
}
