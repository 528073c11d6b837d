// A C library's global, seen from Swift 6 mode.
// ANCHOR: shown
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func warn(_ message: String) {
    fputs(message + "\n", stderr)
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: reference to var 'stderr' is not concurrency-safe because it involves shared mutable state
