import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few raw file-descriptor operations that pipes need and `FileHandle` hides:
/// waiting with a timeout, writing everything, and surviving a reader that died.
enum Pipes {
    /// Waits until `descriptor` has data to read or reached end-of-file (true), or
    /// `timeout` passed (false).
    static func waitReadable(_ descriptor: Int32, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            let remaining = deadline - .now
            let milliseconds = Int32(clamping: Int(max(remaining.seconds, 0) * 1000).advanced(by: 1))
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, remaining > .zero ? milliseconds : 0)
            if ready > 0 { return true }
            if ready == 0 && ContinuousClock.now >= deadline { return false }
            if ready < 0 && errno != EINTR { return true }  // let the read report the error
        }
    }

    /// Writes all of `bytes`, however many `write` calls that takes. Returns the `errno`
    /// of a failed write (`EPIPE`: nobody reads the pipe any more), or `nil`.
    static func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Int32? {
        ignoreBrokenPipeSignal()
        return Array(bytes).withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno != EINTR {
                    return errno
                }
            }
            return nil
        }
    }

    /// By default a write to a pipe whose reader has gone kills the writer with SIGPIPE.
    /// A parent whose worker crashed must live on and report it, so the signal is
    /// ignored and the write fails with `EPIPE` instead.
    static func ignoreBrokenPipeSignal() {
        _ = ignoreSIGPIPEOnce
    }

    private static let ignoreSIGPIPEOnce: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()
}
