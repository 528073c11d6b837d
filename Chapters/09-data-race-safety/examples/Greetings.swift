// A small module written before Swift 6, built three ways in the chapter:
// Swift 5 mode (silent; ThreadSanitizer finds the race), Swift 5 mode with complete
// checking (warnings), Swift 6 mode (errors). GreetingsMigrated.swift is the fix.
// ANCHOR: shown
import Foundation

var greetingsServed = 0

final class Log {
    var lines: [String] = []
}

struct Greeter {
    static var shared = Greeter()
    var greeting = "hello"
}

/// Greets each name on a thread of its own, all writing into one log.
func greet(_ names: [String], into log: Log) {
    let done = DispatchGroup()
    for name in names {
        done.enter()
        Thread.detachNewThread {
            for _ in 0..<1_000 { log.lines.append("\(Greeter.shared.greeting), \(name)") }
            done.leave()
        }
    }
    done.wait()
    greetingsServed += names.count
}

@main
struct Program {
    static func main() {
        let log = Log()
        greet(["Ada", "Grace"], into: log)
        print("\(log.lines.count) lines, \(greetingsServed) greeted")
    }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-report: WARNING: ThreadSanitizer: Swift access race
// expect-warning: var 'greetingsServed' is not concurrency-safe because it is nonisolated global shared mutable state; this is an error in the Swift 6 language mode
// expect-warning: static property 'shared' is not concurrency-safe
// expect-warning: capture of 'log' with non-Sendable type 'Log' in a '@Sendable' closure; this is an error in the Swift 6 language mode
// expect-error: var 'greetingsServed' is not concurrency-safe
// expect-error: static property 'shared' is not concurrency-safe
// expect-error: capture of 'log' with non-Sendable type 'Log' in a '@Sendable' closure
