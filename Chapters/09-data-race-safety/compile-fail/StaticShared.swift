// The shape of every app's first Swift 6 error: a shared instance in a static var.
// ANCHOR: shown
final class Settings {
    var theme = "light"
}

struct Config {
    static var shared = Settings()
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: static property 'shared' is not concurrency-safe because it is nonisolated global shared mutable state
// expect-error: [#MutableGlobalVariable]
