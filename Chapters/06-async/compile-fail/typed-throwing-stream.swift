// SE-0421 gave AsyncSequence a Failure type, so a loop over a sequence that throws only
// one error type can catch exactly that type. AsyncThrowingStream has the parameter too,
// but on Swift 6.3.1 its initialisers exist only for Failure == any Error.
// expect-error: requires the types 'PageError' and 'any Error' be equivalent

struct PageError: Error {}

// ANCHOR: shown
func pages() -> AsyncThrowingStream<String, PageError> {
    AsyncThrowingStream<String, PageError> { continuation in
        continuation.yield("page 1")
        continuation.finish(throwing: PageError())
    }
}
// ANCHOR_END: shown
