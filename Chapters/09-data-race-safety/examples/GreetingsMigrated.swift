// Greetings.swift after the migration: each diagnostic fixed the way the chapter's
// sections show. Compiles in Swift 6 mode without a warning, and runs clean.
// ANCHOR: shown
import Foundation
import Synchronization

/// Was a global `var`: now a counter behind a lock.
let greetingsServed = Mutex(0)

/// Was a class with a `var`: now its lines are behind a lock, so it is Sendable.
final class Log: Sendable {
    let lines = Mutex<[String]>([])
}

struct Greeter {
    /// Was `static var`: nothing ever changed it, so a `let` says what it is.
    static let shared = Greeter()
    var greeting = "hello"
}

func greet(_ names: [String], into log: Log) {
    let done = DispatchGroup()
    for name in names {
        done.enter()
        Thread.detachNewThread {
            for _ in 0..<1_000 { log.lines.withLock { $0.append("\(Greeter.shared.greeting), \(name)") } }
            done.leave()
        }
    }
    done.wait()
    greetingsServed.withLock { $0 += names.count }
}

@main
struct Program {
    static func main() {
        let log = Log()
        greet(["Ada", "Grace"], into: log)
        print("\(log.lines.withLock { $0.count }) lines, \(greetingsServed.withLock { $0 }) greeted")
    }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-output: 2000 lines, 2 greeted
