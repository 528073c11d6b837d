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
/// Watching may happen on any thread while another thread sits in `wait`: both kernels
/// allow it.
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

    /// Asks for one report when `fd` becomes ready for `interest`, or hangs up.
    func watchOnce(_ fd: Int32, for interest: Readiness) throws(EventLoopError) {
        #if canImport(Glibc)
        var event = epoll_event()
        let direction = interest == .readable ? EPOLLIN.rawValue : EPOLLOUT.rawValue
        event.events = direction | EPOLLONESHOT.rawValue | EPOLLRDHUP.rawValue
        event.data.fd = fd
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
        guard kevent(descriptor, &event, 1, nil, 0, nil) == 0 else { throw .system("kevent", errno) }
        #endif
    }

    /// Watches `fd` for reading for as long as it is open (the loop's wake-up pipe).
    func watchAlways(_ fd: Int32) throws(EventLoopError) {
        #if canImport(Glibc)
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = fd
        guard epoll_ctl(descriptor, EPOLL_CTL_ADD, fd, &event) == 0 else { throw .system("epoll_ctl", errno) }
        #else
        var event = kevent()
        event.ident = UInt(fd)
        event.filter = Int16(EVFILT_READ)
        event.flags = UInt16(EV_ADD)
        guard kevent(descriptor, &event, 1, nil, 0, nil) == 0 else { throw .system("kevent", errno) }
        #endif
    }

    /// Sleeps until at least one watched descriptor is ready or `timeoutMilliseconds`
    /// passes (-1: no limit), and returns the ready descriptors (fewer than `capacity`).
    func wait(timeoutMilliseconds: Int32, capacity: Int = 1024) -> [Int32] {
        #if canImport(Glibc)
        var events = [epoll_event](repeating: epoll_event(), count: capacity)
        let count = epoll_wait(descriptor, &events, Int32(capacity), timeoutMilliseconds)
        guard count > 0 else { return [] }  // timed out, or EINTR: the loop just goes round
        return events[0..<Int(count)].map { $0.data.fd }
        #else
        var events = [kevent](repeating: kevent(), count: capacity)
        var limit = timespec(tv_sec: Int(timeoutMilliseconds / 1000),
                             tv_nsec: Int(timeoutMilliseconds % 1000) * 1_000_000)
        let count = timeoutMilliseconds < 0
            ? kevent(descriptor, nil, 0, &events, Int32(capacity), nil)
            : kevent(descriptor, nil, 0, &events, Int32(capacity), &limit)
        guard count > 0 else { return [] }
        return events[0..<Int(count)].map { Int32(truncatingIfNeeded: $0.ident) }
        #endif
    }
}
