import EventLoop
import Foundation
import Testing

/// Each step of a connection cancelled while it is really waiting (the precondition is
/// checked, not hoped for), and peers that make a naive loop spin.
@Suite("Waits at the edges: full backlogs, full buffers, silent and half-closed peers")
struct EdgeTests {
    /// Cancels `operation` once the loop holds exactly one wait for it and still holds it
    /// 50 ms later (so the step is really suspended), then checks that it ends promptly
    /// with `CancellationError` and that its socket on `port` is closed: `port` then has
    /// `socketsBefore - 1` open (the step's socket existed before it), or as many as before
    /// (a connect, whose socket is made inside the step).
    private func cancelWhileWaiting(on loop: EventLoop, port: Int, socketExistedBefore: Bool,
                                    _ operation: @escaping @Sendable () async throws -> Void) async throws {
        let before = openSockets(onPort: port)
        let step = Task { try await operation() }
        #expect(await eventually { loop.pendingWaits == 1 }, "the step waits on the loop")
        try await Task.sleep(for: .milliseconds(50))
        try #require(loop.pendingWaits == 1, "still waiting 50 ms later: the step cannot finish by itself")
        let cancelled = ContinuousClock.now
        step.cancel()
        await #expect(throws: CancellationError.self) { try await step.value }
        #expect(ContinuousClock.now - cancelled < .seconds(2), "cancellation ends the wait promptly")
        #expect(loop.pendingWaits == 0)
        if let before {
            let expected = socketExistedBefore ? before - 1 : before
            #expect(await eventually { openSockets(onPort: port) == expected },
                    "the step's socket is closed: \(openSockets(onPort: port) ?? -1) open, \(expected) expected")
        }
    }

    @Test("cancelling a connect whose handshake hangs (the listener's queue is full)")
    func cancelConnect() async throws {
        try await withEventLoop { loop in
            let listener = try AsyncListener(on: loop, backlog: 1)  // never accepts
            // Linux queues backlog + 1 finished handshakes; once the queue is full it drops
            // new SYNs, and those connects stay in progress (the kernel retries for a minute).
            let fillers = (0..<8).map { _ in RawSocket(connectingTo: listener.port) }
            try await Task.sleep(for: .milliseconds(50))
            try await cancelWhileWaiting(on: loop, port: listener.port, socketExistedBefore: false) {
                _ = try await AsyncSocket.connect(toLoopbackPort: listener.port, on: loop)
            }
            withExtendedLifetime(fillers) {}
        }
    }

    @Test("cancelling a write blocked by a full send buffer and a peer that never reads")
    func cancelWrite() async throws {
        try await withEventLoop { loop in
            let listener = try AsyncListener(on: loop, backlog: 8)
            let writer = HandedSocket(try await AsyncSocket.connect(toLoopbackPort: listener.port, on: loop))
            let peer = try await listener.accept()  // kept open, never read
            try await cancelWhileWaiting(on: loop, port: listener.port, socketExistedBefore: true) {
                try await writer.take().write([UInt8](repeating: 7, count: 64 << 20))
            }
            peer.close()
        }
    }

    @Test("cancelling a read from a peer that never sends")
    func cancelRead() async throws {
        try await withEventLoop { loop in
            let listener = try AsyncListener(on: loop, backlog: 8)
            let peer = RawSocket(connectingTo: listener.port)  // connected, silent
            try await Task.sleep(for: .milliseconds(20))
            let accepted = HandedSocket(try await listener.accept())
            try await cancelWhileWaiting(on: loop, port: listener.port, socketExistedBefore: true) {
                _ = try await accepted.take().read()
            }
            withExtendedLifetime(peer) {}
        }
    }

    @Test("a writer whose peer half-closed and never reads sleeps between wake-ups and times out on time")
    func halfClosedPeerDoesNotSpin() async throws {
        try await withEventLoop { loop in
            let listener = try AsyncListener(on: loop, backlog: 8)
            let peer = RawSocket(connectingTo: listener.port, receiveBuffer: 4096)
            try await Task.sleep(for: .milliseconds(20))
            let writer = try await listener.accept()
            var small: Int32 = 4096
            setsockopt(writer.descriptor, SOL_SOCKET, SO_SNDBUF, &small, socklen_t(MemoryLayout<Int32>.size))
            shutdown(peer.descriptor, Int32(SHUT_WR))  // "I send no more"; it still never reads
            try await Task.sleep(for: .milliseconds(20))
            loop.resetStatistics()
            let limit = Duration.milliseconds(200)
            // Made before the clock starts: filling 32 MiB takes a debug build a good part
            // of a second, which is not the loop's lateness.
            let payload = [UInt8](repeating: 1, count: 32 << 20)
            let start = ContinuousClock.now
            await #expect(throws: EventLoopError.timedOut) {
                try await writer.write(payload, deadline: start + limit)
            }
            let late = ContinuousClock.now - start - limit
            let statistics = loop.statistics
            // Asking for the peer's half-close on a write wait made each wait end at once:
            // tens of thousands of wake-ups in 200 ms. Without it: a handful.
            #expect(statistics.wakeUps < 100, "\(statistics.wakeUps) wake-ups, \(statistics.resumed) resumptions")
            // Wide: other tests and programs share the cores; the spin made it seconds late.
            #expect(late < .seconds(2), "the deadline fired \(late) late")
            writer.close()
            withExtendedLifetime(peer) {}
        }
    }

    @Test("deadlines of waits that ended early do not pile up in the heap")
    func staleDeadlinesAreCompacted() async throws {
        try await withEventLoop { loop in
            let keeper = Task { try await loop.sleep(for: .seconds(60)) }  // one live deadline
            #expect(await eventually { loop.pendingWaits == 1 })
            for _ in 0..<20 {
                let sleepers = (0..<100).map { _ in Task { try await loop.sleep(for: .seconds(60)) } }
                #expect(await eventually { loop.pendingWaits == 101 })
                for sleeper in sleepers { sleeper.cancel() }
                for sleeper in sleepers { _ = try? await sleeper.value }
            }
            // 2,000 waits ended early; without compaction all 2,001 entries would remain.
            #expect(loop.deadlineEntries <= 130, "\(loop.deadlineEntries) entries for 1 live deadline")
            keeper.cancel()
            _ = try? await keeper.value
        }
    }
}

/// Hands a socket (not `Sendable`) to the one task that will use it.
private final class HandedSocket: @unchecked Sendable {
    private var socket: AsyncSocket?
    init(_ socket: AsyncSocket) { self.socket = socket }
    /// Called once, by that task.
    func take() -> AsyncSocket {
        defer { socket = nil }
        return socket!
    }
}
