#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernel's id of the thread running the caller right now.
///
/// Asking "did this task resume on another thread?" with `pthread_self()` gives a wrong
/// answer in an optimised build: glibc declares `pthread_self` `__attribute__((const))`, so
/// the compiler may reuse a value read before an `await` (an `@inline(never)` wrapper is
/// folded the same way). This type reads the id through a system call whose result the
/// optimiser cannot know: on Linux `readlink("/proc/thread-self")`, which names
/// `<pid>/task/<tid>`; on Darwin `pthread_threadid_np`.
public struct KernelThreadID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The id of the calling thread, read now.
    public static var current: KernelThreadID {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = readlink("/proc/thread-self", &buffer, buffer.count - 1)
        precondition(length > 0, "cannot read /proc/thread-self")
        let bytes = buffer[0..<length].map { UInt8(bitPattern: $0) }
        let link = String(decoding: bytes, as: UTF8.self)
        guard let tid = KernelThreadID.parseThreadSelf(link) else {
            preconditionFailure("unexpected /proc/thread-self link: \(link)")
        }
        return tid
        #else
        var tid: UInt64 = 0
        pthread_threadid_np(nil, &tid)
        return KernelThreadID(rawValue: tid)
        #endif
    }

    /// Parses the target of `/proc/thread-self`, `"<pid>/task/<tid>"`.
    static func parseThreadSelf(_ link: String) -> KernelThreadID? {
        let parts = link.split(separator: "/")
        guard parts.count == 3, parts[1] == "task", let tid = UInt64(parts[2]) else { return nil }
        return KernelThreadID(rawValue: tid)
    }

    public var description: String { "\(rawValue)" }
}
