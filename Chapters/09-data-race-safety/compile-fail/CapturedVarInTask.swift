// The same `var`, captured by child tasks: a different message, the same race.
// ANCHOR: shown
func countInChildTasks() async -> Int {
    var total = 0
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<4 {
            group.addTask { total += 1 }
        }
    }
    return total
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: passing closure as a 'sending' parameter risks causing data races
// expect-error: closure captures reference to mutable var 'total' which is accessible to code in the current task
