#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's *signal mask*: the signals it blocks. A child process starts with
/// the mask of the thread that started it, so a blocked SIGTERM is passed on, and the
/// child then ignores `terminate()`. Dispatch's worker threads block most signals, and
/// test runners start programs from such threads.
public enum SignalMask {
    /// Unblocks every signal in the calling thread. A program that starts children calls
    /// it first thing, on its main thread, whatever thread started the program itself.
    public static func unblockAll() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
    }

    /// Runs `body` with no signal blocked in this thread, then restores the mask.
    public static func withNothingBlocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t(), previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }
}
