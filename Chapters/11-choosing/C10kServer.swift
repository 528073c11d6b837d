import EventLoop
import Foundation
import Loopback
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two servers of the C10k, each run in a child process of its own (this chapter's
/// executable in a worker role). In one process, 10,000 connections would need 20,000
/// descriptors (both ends), all of `ulimit -n` here; split in two, each side needs 10,000.
enum C10kServer: String, CaseIterable, Sendable {
    case eventLoop = "c10k-event-loop-server"
    case threadPerConnection = "c10k-thread-server"

    var name: String {
        switch self {
        case .eventLoop: "EventLoopServer: one loop thread, a task per connection"
        case .threadPerConnection: "LoopbackServer: a thread per connection"
        }
    }

    var key: String {
        switch self {
        case .eventLoop: "event-loop"
        case .threadPerConnection: "threads"
        }
    }

    /// The child tells the parent where it listens.
    struct Ready: Codable, Sendable { let port: Int; let descriptorLimit: Int }
    /// Asked for at the end: what the server saw.
    struct Report: Codable, Sendable {
        let requests: Int
        let maxInFlight: Int
        /// The event loop's own numbers (the event-loop server only).
        var wakeUps: Int? = nil
        var readyPerWakeUp: Double? = nil
    }
    struct Command: Codable, Sendable { let report: Bool }

    /// Serves if this process was started as a C10k server; returns at once otherwise.
    static func serveIfWorker() {
        guard let role = WorkerRole.current(), let server = C10kServer(rawValue: role) else { return }
        server.serve()
    }

    /// The child's side: start the server, say where it listens, answer report requests,
    /// and exit when the parent closes standard input.
    private func serve() -> Never {
        WorkerLoop.exitWhenOrphaned()
        let limit = DescriptorLimit.raiseToHardLimit()
        let replies = dup(1)
        dup2(2, 1)  // a stray print must not corrupt the messages
        let channel = MessageChannel(readDescriptor: 0, writeDescriptor: replies)
        let port: Int
        let report: @Sendable () -> Report
        do {
            switch self {
            case .eventLoop:
                let loop = try EventLoop()
                let server = try EventLoopServer(loop: loop, backlog: Settings.c10kBacklog, readTimeout: .seconds(20))
                Task { await server.run() }
                port = server.port
                report = {
                    Report(requests: server.statistics.requests, maxInFlight: server.statistics.maxInFlight,
                           wakeUps: loop.statistics.wakeUps, readyPerWakeUp: loop.statistics.readyPerWakeUp)
                }
            case .threadPerConnection:
                var configuration = LoopbackServer.Configuration()
                configuration.backlog = Settings.c10kBacklog
                configuration.readTimeout = .seconds(20)
                let server = LoopbackServer(configuration: configuration)
                try server.start()
                port = server.port
                report = { Report(requests: server.statistics.requests, maxInFlight: server.statistics.maxInFlight) }
            }
        } catch {
            // The parent, waiting for `Ready`, sees the pipe close and reports it.
            FileHandle.standardError.write(Data("\(rawValue): \(error)\n".utf8))
            exit(1)
        }
        try? channel.send(Ready(port: port, descriptorLimit: limit))
        while (try? channel.receive(Command.self)) != nil {
            try? channel.send(report())
        }
        exit(0)
    }
}
