// A generic metatype captured by a detached task. Swift 6.3.1 reports this as a warning,
// even in Swift 6 mode.
// ANCHOR: shown
func typeName<T: Numeric>(of type: T.Type) async -> String {
    await Task.detached { "\(type)" }.value
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-warning: capture of non-Sendable type 'T.Type' in an isolated closure
// expect-warning: passing closure as a 'sending' parameter risks causing data races between code in the current task and concurrent execution of the closure
// expect-warning: closure captures 'type' which is accessible to code in the current task
