// A global counter, the oldest shared state there is.
// ANCHOR: shown
var requestsServed = 0

func serve() {
    requestsServed += 1
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: var 'requestsServed' is not concurrency-safe because it is nonisolated global shared mutable state
