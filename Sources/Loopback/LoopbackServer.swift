import Foundation

/// A small HTTP/1.1 server on 127.0.0.1, run inside the chapter's own process, so the
/// book's network examples do real I/O without touching the internet.
///
///     let server = LoopbackServer()
///     try server.start()
///     defer { server.stop() }
///     // GET \(server.url("/page/7?delay_ms=100")) answers "page 7" after 100 ms
///
/// Routes (all `GET`; each answered after `delay_ms`, or the configured default delay):
/// - `/page/N`: `200` with the body `page N`.
/// - `/flaky/KEY?fail_first=K`: the first K requests for KEY get `503 Service Unavailable`,
///   later ones `200`; for retry demos.
/// - `/slow/N`: like `/page/N` but waits `Configuration.slowDelay` (10 s) unless
///   `delay_ms` says otherwise; for timeout demos. `stop()` cuts the wait short.
/// - anything else: `404`; another method: `405`; a malformed request: `400`.
///
/// Every response closes its connection. The server counts requests and the largest
/// number handled at the same instant (`statistics.maxInFlight`), so a chapter can
/// check a concurrency limit from the server's side.
///
/// Design: one thread accepts; each connection gets its own thread. Blocking I/O on a
/// thread per connection is the simplest correct design: each handler reads like the
/// protocol. A few hundred threads with small stacks cost little (256 KiB reserved each,
/// mostly untouched), and that is all the book needs; a server for 10,000 clients would
/// use a few threads and non-blocking I/O instead (chapter 06 measures why).
public final class LoopbackServer: Sendable {
    public struct Configuration: Sendable {
        /// The delay before answering when a request has no `delay_ms`.
        public var defaultDelay: Duration = .zero
        /// The delay of `/slow/N` when it has no `delay_ms`.
        public var slowDelay: Duration = .seconds(10)
        /// Pending connections the kernel queues before `accept`.
        public var backlog: Int32 = 1024
        /// Stack reserved for each connection thread.
        public var threadStackSize = 256 * 1024
        /// How long a connection may take to send its request head.
        public var readTimeout: Duration = .seconds(5)

        public init() {}
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A system call failed, with its `errno`.
        case system(String, Int32)
        /// `start()` was called on a server that is running or stopped.
        case notIdle

        public var description: String {
            switch self {
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .notIdle: "the server can be started only once"
            }
        }
    }

    /// The server's life: it starts once and stops once; no state goes back.
    private enum State {
        case idle
        case running(Running)
        case stopped
    }

    /// What exists only while the server runs, released by `stop()`.
    private struct Running {
        let socket: ListeningSocket
        let stopSignal: StopSignal
        /// Entered by the accept thread and by every connection thread; `stop()` waits for it.
        let threads: DispatchGroup
    }

    private struct Counters {
        var statistics = ServerStatistics()
        var liveThreads = 0
        var flakyAttempts: [String: Int] = [:]
    }

    public let configuration: Configuration
    /// Guards `state`, `counters` and `boundPort`. An `NSLock` (a pthread mutex) rather than
    /// `Synchronization.Mutex`, because ThreadSanitizer on Linux sees through the former only.
    private let lock = NSLock()
    private nonisolated(unsafe) var state = State.idle
    private nonisolated(unsafe) var counters = Counters()
    private nonisolated(unsafe) var boundPort = 0

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The port the kernel chose; 0 until `start()`.
    public var port: Int { lock.withLock { boundPort } }

    /// `http://127.0.0.1:PORT` followed by `pathAndQuery`, e.g. `url("/page/1?delay_ms=50")`.
    public func url(_ pathAndQuery: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(pathAndQuery)")!
    }

    public var isRunning: Bool {
        lock.withLock { if case .running = state { true } else { false } }
    }

    public var statistics: ServerStatistics { lock.withLock { counters.statistics } }

    /// Threads of this server still running (the acceptor and connection threads).
    /// Zero once `stop()` has returned.
    public var liveThreadCount: Int { lock.withLock { counters.liveThreads } }

    /// Zeroes the counters (requests, max in flight...) between experiments.
    /// Requests in flight right now stay counted as in flight.
    public func resetStatistics() {
        lock.withLock {
            let inFlight = counters.statistics.inFlight
            counters.statistics = ServerStatistics()
            counters.statistics.inFlight = inFlight
            counters.statistics.maxInFlight = inFlight
            counters.flakyAttempts = [:]
        }
    }

    // MARK: Transitions

    /// idle -> running: binds 127.0.0.1 on a free port and starts accepting.
    public func start() throws(Failure) {
        let running: Running
        do {
            lock.lock()
            defer { lock.unlock() }
            guard case .idle = state else { throw Failure.notIdle }
            let socket = try ListeningSocket(backlog: configuration.backlog)
            let stopSignal: StopSignal
            do throws(Failure) { stopSignal = try StopSignal() } catch { socket.close(); throw error }
            running = Running(socket: socket, stopSignal: stopSignal, threads: DispatchGroup())
            state = .running(running)
            boundPort = socket.port
        }
        threadStarted(running)
        let acceptor = Thread { [self] in
            acceptLoop(running)
            threadFinished(running)
        }
        acceptor.stackSize = configuration.threadStackSize
        acceptor.start()
    }

    /// running -> stopped: stops accepting, wakes every connection thread, waits for all
    /// of them to finish, then closes the listening socket. When it returns, the server
    /// owns no thread and no descriptor. Stopping a server that never started, or
    /// stopping twice, is allowed and does nothing more.
    public func stop() {
        let previous = lock.withLock {
            defer { state = .stopped }
            return state
        }
        guard case .running(let running) = previous else { return }
        running.stopSignal.raise()
        running.threads.wait()
        running.socket.close()
        running.stopSignal.close()
    }

    // MARK: Threads

    private func threadStarted(_ running: Running) {
        lock.withLock { counters.liveThreads += 1 }
        running.threads.enter()
    }

    private func threadFinished(_ running: Running) {
        lock.withLock { counters.liveThreads -= 1 }
        running.threads.leave()
    }

    private func acceptLoop(_ running: Running) {
        while running.stopSignal.poll(readable: running.socket.descriptor, timeoutMilliseconds: -1) == .readable {
            guard let descriptor = running.socket.accept() else {
                // Out of descriptors, or the client left: back off briefly instead of spinning.
                _ = running.stopSignal.poll(readable: nil, timeoutMilliseconds: 10)
                continue
            }
            lock.withLock { counters.statistics.connections += 1 }
            let connection = Connection(descriptor: descriptor, stop: running.stopSignal)
            threadStarted(running)
            let thread = Thread { [self] in
                serve(connection)
                threadFinished(running)
            }
            thread.stackSize = configuration.threadStackSize
            thread.start()
        }
    }

    private func serve(_ connection: Connection) {
        defer { connection.close() }
        let timeout = Int32(configuration.readTimeout / .milliseconds(1))
        switch connection.readHead(timeoutMilliseconds: timeout) {
        case .abandoned:
            return
        case .malformed:
            lock.withLock { counters.statistics.badRequests += 1 }
            connection.write(HTTPResponse(status: 400, body: "malformed request\n"))
        case .head(let head):
            guard let request = HTTPRequest(head: head) else {
                lock.withLock { counters.statistics.badRequests += 1 }
                connection.write(HTTPResponse(status: 400, body: "malformed request\n"))
                return
            }
            lock.withLock { counters.statistics.requestBegan() }
            var counted = true
            defer { if counted { lock.withLock { counters.statistics.requestEnded() } } }
            let (delay, response) = route(request)
            let milliseconds = Int32(min(delay / .milliseconds(1), Double(Int32.max)))
            // An interruptible sleep: stop() ends it, and then the client gets no answer.
            guard milliseconds == 0
                || connection.stop.poll(readable: nil, timeoutMilliseconds: milliseconds) == .timedOut
            else { return }
            // No longer in flight once the answer starts out. Counted after the write, a
            // client that read the answer and sent its next request on a new connection
            // could be seen as one request more than it ever had open at once.
            lock.withLock { counters.statistics.requestEnded() }
            counted = false
            connection.write(response)
        }
    }

    /// Decides the answer and how long to wait before sending it.
    private func route(_ request: HTTPRequest) -> (Duration, HTTPResponse) {
        let delay = request.integer("delay_ms").map { Duration.milliseconds($0) }
        let segments = request.segments
        guard request.method == "GET" else {
            return (.zero, HTTPResponse(status: 405, body: "only GET is supported\n"))
        }
        switch (segments.first, segments.count) {
        case ("page", 2):
            return (delay ?? configuration.defaultDelay, HTTPResponse(status: 200, body: "page \(segments[1])\n"))
        case ("slow", 2):
            return (delay ?? configuration.slowDelay, HTTPResponse(status: 200, body: "slow \(segments[1])\n"))
        case ("flaky", 2):
            let key = String(segments[1])
            let failures = request.integer("fail_first") ?? 1
            let attempt = lock.withLock {
                counters.flakyAttempts[key, default: 0] += 1
                return counters.flakyAttempts[key]!
            }
            let response = attempt <= failures
                ? HTTPResponse(status: 503, body: "flaky \(key): attempt \(attempt) fails on purpose\n")
                : HTTPResponse(status: 200, body: "flaky \(key): attempt \(attempt) succeeds\n")
            return (delay ?? configuration.defaultDelay, response)
        default:
            return (.zero, HTTPResponse(status: 404, body: "no such page: \(request.path)\n"))
        }
    }
}
