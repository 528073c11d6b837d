import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every process `make watch` started, however deep (a `swift build` and its compilers, a
/// chapter and the workers it spawned), found by a token the watcher puts in its own
/// environment, which they all inherit (`BOOK_WATCH=<token>`). The builder starts its
/// children in process groups of their own, so a Ctrl-C in the terminal reaches only the
/// watcher; on Ctrl-C it ends them all with this.
///
/// Linux reads `/proc/<pid>/environ`. Elsewhere only the process groups the watcher
/// started itself are known (`remember(group:)`), and a chapter's own children end when
/// the chapter's group is killed only if they stayed in it.
final class WatchChildren: @unchecked Sendable {
    static let variable = "BOOK_WATCH"
    let token = UUID().uuidString
    private let lock = NSLock()
    private var groups: Set<pid_t> = []  // guarded by `lock`

    /// Puts the token in this process's environment, for every child to inherit.
    func mark() { setenv(Self.variable, token, 1) }

    func remember(group: pid_t) { lock.withLock { _ = groups.insert(group) } }
    func forget(group: pid_t) { lock.withLock { _ = groups.remove(group) } }

    /// Live processes carrying the token, never this one.
    func living() -> [pid_t] {
        #if os(Linux)
        let me = getpid()
        let needle = Array("\(Self.variable)=\(token)".utf8)
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }.filter { pid in
            guard pid != me, let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                  environ.split(separator: 0).contains(where: { $0.elementsEqual(needle) }),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
        }
        #else
        return []
        #endif
    }

    /// Asks every child to stop (SIGTERM: `swift build` then leaves its build folder
    /// consistent), and kills with SIGKILL whatever is still there after `grace`.
    /// Returns how many processes it found.
    @discardableResult
    func endAll(grace: Duration = .seconds(1)) -> Int {
        let known = lock.withLock { groups }
        var found = Set(living())
        known.forEach { kill(-$0, SIGTERM) }
        found.forEach { kill($0, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline && !living().isEmpty { usleep(20_000) }
        for _ in 0..<3 {  // a dying parent may start one more child: sweep again
            let left = living()
            known.forEach { kill(-$0, SIGKILL) }
            if left.isEmpty { break }
            left.forEach { kill($0, SIGKILL) }
            found.formUnion(left)
            usleep(20_000)
        }
        return found.count
    }
}
