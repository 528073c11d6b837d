// The same module imported with @preconcurrency: its unannotated declarations are
// taken as the module's authors wrote them, before concurrency checking existed.
// ANCHOR: shown
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

func warn(_ message: String) {
    fputs(message + "\n", stderr)      // fputs locks the FILE itself
}

warn("written to stderr")
print("then stdout")
// ANCHOR_END: shown

// expect-output: written to stderr
// expect-output: then stdout
