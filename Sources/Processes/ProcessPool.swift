import Foundation
import Primitives

/// A pool of worker processes (Python's `multiprocessing.Pool` or
/// `ProcessPoolExecutor`): `size` copies of a program, each started in a worker role that
/// calls `WorkerLoop.serve`, and `map` to run a job on every input, results in input order.
///
///     let pool = try ProcessPool(workers: 4, role: "count-primes")
///     defer { pool.shutdown() }
///     let counts = pool.map(ranges, as: Int.self)   // [Result<Int, JobFailure>]
///
/// Each worker is driven by one thread of the parent: it sends the next input, waits for
/// the reply (at most `jobTimeout`), records it, and takes the next input. A worker that
/// dies, hangs or replies nonsense fails *that* input only: it is killed if needed,
/// replaced by a fresh process, and the pool carries on with the rest.
///
/// `map` blocks the calling thread until every input has a result (one `map` at a time;
/// others wait their turn). From async code, call it from a thread of your own rather
/// than from a task, which would hold one of the cooperative pool's few threads.
///
/// `shutdown()` (also run when the pool is released) terminates and reaps every worker;
/// workers also exit by themselves when their parent dies (see `WorkerLoop`).
public final class ProcessPool: Sendable {
    /// The number of workers.
    public let size: Int
    /// The role the workers are started in.
    public let role: String
    /// How long a worker may take over one input before it is killed.
    public let jobTimeout: Duration

    private let arguments: [String]
    private let environment: [String: String]
    private let executable: URL
    private let state: Locked<State>
    /// `run` drives every worker, so two runs at once would fight over them.
    private let oneRunAtATime = DispatchSemaphore(value: 1)

    // ANCHOR: state
    /// The pool's life. `slots[i]` is worker i, or `nil` after it died and could not be
    /// replaced; after shutdown there are no workers at all.
    private enum State: Sendable {
        case running(slots: [ChildProcess?])
        case shutDown
    }
    // ANCHOR_END: state

    /// Starts `workers` copies of `executable` in `role`.
    public init(workers: Int = UsableCores.count, role: String,
                arguments: [String] = [], environment: [String: String] = [:],
                jobTimeout: Duration = .seconds(60),
                executable: URL = WorkerRole.currentExecutable) throws {
        precondition(workers > 0, "a pool needs at least one worker")
        self.size = workers
        self.role = role
        self.jobTimeout = jobTimeout
        self.arguments = arguments
        self.environment = environment
        self.executable = executable
        var started: [ChildProcess] = []
        do {
            for _ in 0..<workers {
                started.append(try ChildProcess(role: role, arguments: arguments, streams: .pipes,
                                                environment: environment, executable: executable))
            }
        } catch {
            started.forEach { $0.stop() }
            throw error
        }
        state = Locked(.running(slots: started))
    }

    deinit {
        shutdown()
    }

    /// The pids of the live workers (empty after shutdown).
    public var workerPIDs: [Int32] {
        state.withLock { state in
            guard case .running(let slots) = state else { return [] }
            return slots.compactMap { $0?.pid }
        }
    }

    /// Runs the job on every input; results in input order.
    public func map<Input: Codable & Sendable, Output: Codable & Sendable>(
        _ inputs: [Input], as output: Output.Type = Output.self) -> [Result<Output, JobFailure>] {
        run(inputs, as: output).map(\.result)
    }

    /// Like `map`, with who ran each input and when.
    public func run<Input: Codable & Sendable, Output: Codable & Sendable>(
        _ inputs: [Input], as output: Output.Type = Output.self) -> [JobReport<Output>] {
        oneRunAtATime.wait()
        defer { oneRunAtATime.signal() }
        let run = PoolRun<Input, Output>(inputs: inputs)
        let drivers = DispatchGroup()
        for slot in 0..<min(size, inputs.count) {
            drivers.enter()
            // A thread per worker, not Dispatch: each driver blocks for a whole job, and
            // Dispatch would not give more blocked threads than it chooses to.
            // `unowned`: `run` holds the pool until every driver has finished, and a
            // thread object that outlives its work must not keep the pool alive (the
            // pool's release is what shuts it down).
            let driver = Thread { [unowned self] in
                drive(slot: slot, run: run)
                drivers.leave()
            }
            driver.start()
        }
        drivers.wait()
        return run.reports
    }

    // ANCHOR: shutdown
    /// Stops the pool: every worker is sent SIGTERM, then SIGKILL if it lingers, and is
    /// reaped before this returns. Inputs not yet run fail with `.poolShutDown`.
    /// Calling it again does nothing.
    public func shutdown() {
        let workers = state.withLock { state -> [ChildProcess] in
            guard case .running(let slots) = state else { return [] }
            state = .shutDown
            return slots.compactMap { $0 }
        }
        // Signal all first, then wait: they stop in parallel. Their pipes are not closed
        // here, because a driver thread may be using them; they close when the last
        // reference to each `ChildProcess` goes.
        workers.forEach { $0.terminate() }
        for worker in workers where worker.wait(timeout: .milliseconds(500)) == nil {
            worker.kill()
            worker.waitUntilExit()
        }
    }
    // ANCHOR_END: shutdown

    // MARK: Driving one worker

    // ANCHOR: drive
    private func drive<Input, Output>(slot: Int, run: PoolRun<Input, Output>) {
        while let index = run.takeNext() {
            let started = ContinuousClock.now
            let worker: ChildProcess
            switch workerForNextJob(slot: slot) {
            case .success(let available): worker = available
            case .failure(let failure):
                run.record(JobReport(index: index, workerPID: 0, started: started, finished: .now, result: .failure(failure)))
                continue
            }
            var result: Result<Output, JobFailure> = perform(run.inputs[index], id: index, on: worker)
            if !worker.isRunning {
                if case .failure = result, isShutDown { result = .failure(.poolShutDown) }
                replace(deadWorker: worker, slot: slot)
            }
            run.record(JobReport(index: index, workerPID: worker.pid, started: started, finished: .now, result: result))
        }
    }
    // ANCHOR_END: drive

    // ANCHOR: perform
    /// Sends one input and waits for its reply. After a failure that leaves the worker
    /// in an unknown state (a timeout, a bad reply), the worker is killed and reaped.
    private func perform<Input: Codable, Output: Codable>(_ input: Input, id: Int,
                                                         on worker: ChildProcess) -> Result<Output, JobFailure> {
        guard let channel = worker.channel else { preconditionFailure("pool workers have pipes") }
        do {
            try channel.send(JobRequest(id: id, input: input))
            let reply = try channel.receive(JobReply<Output>.self, timeout: jobTimeout)
            guard reply.id == id else {
                end(worker)
                return .failure(.invalidReply("a reply to request \(reply.id), expected \(id)"))
            }
            if let output = reply.output { return .success(output) }
            return .failure(.jobThrew(reply.error ?? "the reply has neither output nor error"))
        } catch {
            switch error {
            case .timedOut:
                end(worker)
                return .failure(.timedOut(after: jobTimeout))
            case .closed, .writeFailed, .truncatedMessage:
                // The worker is dying or dead: wait for the kernel's account of it.
                let termination = worker.wait(timeout: .seconds(5)) ?? end(worker)
                return .failure(.workerDied(termination))
            case .invalidMessage, .messageTooLong:
                end(worker)
                return .failure(.invalidReply(error.description))
            case .unencodable(let reason):
                return .failure(.unencodableInput(reason))
            }
        }
    }
    // ANCHOR_END: perform

    @discardableResult
    private func end(_ worker: ChildProcess) -> Termination {
        worker.kill()
        return worker.waitUntilExit()
    }

    // MARK: State transitions

    private var isShutDown: Bool {
        state.withLock { if case .shutDown = $0 { true } else { false } }
    }

    /// The worker in `slot`, started afresh if the slot is empty.
    private func workerForNextJob(slot: Int) -> Result<ChildProcess, JobFailure> {
        let current = state.withLock { state -> Result<ChildProcess?, JobFailure> in
            guard case .running(let slots) = state else { return .failure(.poolShutDown) }
            return .success(slots[slot])
        }
        switch current {
        case .failure(let failure): return .failure(failure)
        case .success(let worker?): return .success(worker)
        case .success(nil):
            do {
                let fresh = try startWorker()
                return install(fresh, slot: slot, replacing: nil) ? .success(fresh) : .failure(.poolShutDown)
            } catch {
                return .failure(.workerUnavailable("\(error)"))
            }
        }
    }

    /// Replaces the dead `worker` in `slot` by a fresh process, so the pool is back to
    /// full strength at once. If no process can be started, the slot is left empty and
    /// the next job there tries again.
    private func replace(deadWorker worker: ChildProcess, slot: Int) {
        install(try? startWorker(), slot: slot, replacing: worker)
    }

    /// Puts `fresh` in `slot` if the slot still holds `old` and the pool still runs;
    /// otherwise stops `fresh`. Processes are started outside the lock (a spawn takes
    /// milliseconds) and only installed under it.
    @discardableResult
    private func install(_ fresh: ChildProcess?, slot: Int, replacing old: ChildProcess?) -> Bool {
        let installed = state.withLock { state -> Bool in
            guard case .running(var slots) = state, slots[slot] === old else { return false }
            slots[slot] = fresh
            state = .running(slots: slots)
            return true
        }
        if !installed { fresh?.stop() }
        return installed
    }

    private func startWorker() throws -> ChildProcess {
        try ChildProcess(role: role, arguments: arguments, streams: .pipes, environment: environment, executable: executable)
    }
}
