#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread made with the C calls underneath every Swift thread: `pthread_create`
/// starts it, `pthread_join` waits for it and collects the value its closure returned.
///
///     let worker = try PosixThread { 6 * 7 }
///     let answer = worker.join()      // 42
///
/// `pthread_join` may be called once per thread: a second call is undefined behaviour.
/// `PosixThread` is `~Copyable` and `join()` is `consuming`, so the compiler rejects a
/// second join (and any copy that could be joined twice). A thread dropped without a
/// join is detached, so the system reclaims it when it ends.
// ANCHOR: posix-thread
public struct PosixThread<Result: Sendable>: ~Copyable {
    private let handle: pthread_t

    /// Starts a thread that runs `body`. Throws if the system refuses a new thread.
    public init(_ body: @escaping @Sendable () -> Result) throws(PosixThreadError) {
        // C cannot hold a Swift closure, so the closure travels as a raw pointer to a
        // retained object; the new thread takes that retain back. What the thread
        // returns travels back to `pthread_join` the same way.
        let start = ThreadStart { Unmanaged.passRetained(ResultBox(body())).toOpaque() }
        let argument = Unmanaged.passRetained(start).toOpaque()
        #if canImport(Darwin)
        var created: pthread_t?
        #else
        var created = pthread_t()
        #endif
        let status = pthread_create(&created, nil, { argument in
            #if canImport(Darwin)
            let start = Unmanaged<ThreadStart>.fromOpaque(argument).takeRetainedValue()
            #else
            let start = Unmanaged<ThreadStart>.fromOpaque(argument!).takeRetainedValue()
            #endif
            return start.run()
        }, argument)
        guard status == 0 else {
            Unmanaged<ThreadStart>.fromOpaque(argument).release()
            throw PosixThreadError(code: status)
        }
        #if canImport(Darwin)
        handle = created!
        #else
        handle = created
        #endif
    }

    /// Waits for the thread to end and returns what its closure returned.
    /// `consuming`: after `join()` this value is gone, so it cannot be joined again.
    public consuming func join() -> Result {
        var returned: UnsafeMutableRawPointer?
        let status = pthread_join(handle, &returned)
        precondition(status == 0, "pthread_join failed with error \(status)")
        discard self  // joined: deinit must not detach it
        let box = Unmanaged<ResultBox<Result>>.fromOpaque(returned!).takeRetainedValue()
        return box.value
    }

    deinit {
        pthread_detach(handle)
    }
}
// ANCHOR_END: posix-thread

/// What the new thread runs: the caller's closure, wrapped so that it returns its
/// result as a retained raw pointer, the only kind of value C can pass back.
private final class ThreadStart: Sendable {
    let run: @Sendable () -> UnsafeMutableRawPointer
    init(_ run: @escaping @Sendable () -> UnsafeMutableRawPointer) { self.run = run }
}

/// A thread's result, boxed so that it can travel through `pthread_join`.
private final class ResultBox<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
