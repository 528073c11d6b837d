import Foundation
import Primitives

/// The two child roles of the daemon-thread demo. The chapter starts itself again as
/// `chapter-01 daemon-demo` (or `daemon-demo-joined`), so that the process that ends
/// early is a child, not the book's own run.
// ANCHOR: daemon-child
enum DaemonDemoRole: String, CaseIterable {
    /// Starts a sleeper thread and returns from main without waiting for it.
    case unjoined = "daemon-demo"
    /// The same, but joins the sleeper before returning.
    case joined = "daemon-demo-joined"

    init?(arguments: [String]) {
        guard arguments.count > 1, let role = DaemonDemoRole(rawValue: arguments[1]) else {
            return nil
        }
        self = role
    }

    func run() -> Never {
        let sleeper: @Sendable () -> Void = {
            Thread.sleep(forTimeInterval: 0.2)
            print("sleeper: woke up after 200 ms")
        }
        switch self {
        case .unjoined:
            Thread.detachNewThread(sleeper)
            Thread.sleep(forTimeInterval: 0.02)
        case .joined:
            let thread = JoinableThread(name: "sleeper", sleeper)
            Thread.sleep(forTimeInterval: 0.02)
            thread.join()
        }
        print("main: returning from main")
        exit(0)  // what returning from main.swift does: the whole process ends, now
    }
}
// ANCHOR_END: daemon-child
