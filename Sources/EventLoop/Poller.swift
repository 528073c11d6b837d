#if canImport(Glibc)
import CEpoll
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernel's readiness queue: "wake me when one of these descriptors is ready".
/// `epoll` on Linux, `kqueue` on macOS and the BSDs; the same few calls either way.
///
/// Interest is one-shot: after a descriptor has been reported once it stays quiet until
/// it is watched again. One waiter per descriptor at a time is all a socket read or write
/// needs, and one-shot interest means a descriptor nobody waits for never wakes the loop.
/// The price is one `epoll_ctl` per wait (asyncio and SwiftNIO register a descriptor once
/// and keep the interest). Watching may happen on any thread while another thread sits in
/// `wait`: both kernels allow it.
///
/// Each watch carries the id of the wait it is for, and a report gives that id back, not
/// the descriptor number: a report that was already queued for a descriptor that has since
/// been closed, and whose number was reused, then names an old wait that no longer
/// exists, and is dropped instead of waking the new one.
struct Poller: ~Copyable, Sendable {
    private let descriptor: Int32

    init() throws(EventLoopError) {
        #if canImport(Glibc)
        descriptor = epoll_create1(Int32(EPOLL_CLOEXEC))
        #else
        descriptor = kqueue()
        #endif
        guard descriptor >= 0 else { throw .system("epoll_create1/kqueue", errno) }
    }

    deinit { _ = close(descriptor) }

    /// Asks for one report, carrying `waitID`, when `fd` becomes ready for `interest`.
    func watchOnce(_ fd: Int32, for interest: Readiness, waitID: UInt64) throws(EventLoopError) {
        #if canImport(Glibc)
        var event = epoll_event()
        // Hang-ups and errors (EPOLLHUP, EPOLLERR) are reported whatever is asked. A peer
        // that only shut down its sending side (EPOLLRDHUP) matters to a reader alone: a
        // writer asking for it too would be woken at once on every wait, again and again,
        // while its send still fails with EAGAIN (a loop that never sleeps).
        let direction = interest == .readable ? EPOLLIN.rawValue | EPOLLRDHUP.rawValue : EPOLLOUT.rawValue
        event.events = direction | EPOLLONESHOT.rawValue
        event.data.u64 = waitID
        // A descriptor the kernel knows already is re-armed; a new one is added.
        if epoll_ctl(descriptor, EPOLL_CTL_MOD, fd, &event) != 0 {
            guard errno == ENOENT, epoll_ctl(descriptor, EPOLL_CTL_ADD, fd, &event) == 0 else {
                throw .system("epoll_ctl", errno)
            }
        }
        #else
        var event = kevent()
        event.ident = UInt(fd)
        event.filter = Int16(interest == .readable ? EVFILT_READ : EVFILT_WRITE)
        event.flags = UInt16(EV_ADD | EV_ONESHOT)
        event.udata = UnsafeMutableRawPointer(bitPattern: UInt(waitID))
        guard kevent(descriptor, &event, 1, nil, 0, nil) == 0 else { throw .system("kevent", errno) }
        #endif
    }

    /// The id reported for the descriptor watched with `watchAlways`; wait ids start at 1.
    static let alwaysWatchedID: UInt64 = 0

    /// Watches `fd` for reading for as long as it is open (the loop's wake-up pipe); its
    /// reports carry `alwaysWatchedID`.
    func watchAlways(_ fd: Int32) throws(EventLoopError) {
        #if canImport(Glibc)
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = Self.alwaysWatchedID
        guard epoll_ctl(descriptor, EPOLL_CTL_ADD, fd, &event) == 0 else { throw .system("epoll_ctl", errno) }
        #else
        var event = kevent()
        event.ident = UInt(fd)
        event.filter = Int16(EVFILT_READ)
        event.flags = UInt16(EV_ADD)
        event.udata = nil
        guard kevent(descriptor, &event, 1, nil, 0, nil) == 0 else { throw .system("kevent", errno) }
        #endif
    }

    /// Sleeps until at least one watched descriptor is ready or `timeoutMilliseconds`
    /// passes (-1: no limit), and returns the wait ids of the reports (at most `capacity`).
    func wait(timeoutMilliseconds: Int32, capacity: Int = 1024) -> [UInt64] {
        #if canImport(Glibc)
        var events = [epoll_event](repeating: epoll_event(), count: capacity)
        let count = epoll_wait(descriptor, &events, Int32(capacity), timeoutMilliseconds)
        guard count > 0 else { return [] }  // timed out, or EINTR: the loop just goes round
        return events[0..<Int(count)].map { $0.data.u64 }
        #else
        var events = [kevent](repeating: kevent(), count: capacity)
        var limit = timespec(tv_sec: Int(timeoutMilliseconds / 1000),
                             tv_nsec: Int(timeoutMilliseconds % 1000) * 1_000_000)
        let count = timeoutMilliseconds < 0
            ? kevent(descriptor, nil, 0, &events, Int32(capacity), nil)
            : kevent(descriptor, nil, 0, &events, Int32(capacity), &limit)
        guard count > 0 else { return [] }
        return events[0..<Int(count)].map { UInt64(UInt(bitPattern: $0.udata)) }
        #endif
    }
}
