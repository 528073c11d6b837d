import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds every process a chapter run started, however deep, by a token in the
/// environment each of them inherits (`NOTEBOOK_RUN=<token>`). `Foundation.Process`
/// puts its children in process groups of their own, so a process group alone would
/// miss them; the environment follows them everywhere.
///
/// Linux reads `/proc/<pid>/environ`; elsewhere only the chapter's own process group
/// is swept.
struct ProcessSweep {
    static let variable = "NOTEBOOK_RUN"
    let value = UUID().uuidString
    var token: String { "\(Self.variable)=\(value)" }

    /// Pids of live processes that carry the token (never the builder itself).
    func survivors() -> [pid_t] {
        #if os(Linux)
        let me = getpid()
        let needle = Array(token.utf8)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard pid != me, let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environ.split(separator: 0).contains { $0.elementsEqual(needle) } && !isZombie(pid)
        }
        #else
        return []
        #endif
    }

    private func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Gives survivors up to `grace` to end by themselves (a worker that notices its
    /// parent is gone, ThreadSanitizer's symbolizer finishing a report), then kills those
    /// still running; returns how many it had to kill.
    @discardableResult
    func killSurvivors(after grace: Duration) -> Int {
        let deadline = ContinuousClock.now + grace
        while !survivors().isEmpty && ContinuousClock.now < deadline { usleep(20_000) }
        return killSurvivors()
    }

    /// Kills every survivor with SIGKILL; returns how many there were.
    @discardableResult
    func killSurvivors() -> Int {
        var killed = Set<pid_t>()
        for _ in 0..<3 {  // a dying parent may start one more child: sweep again
            let found = survivors()
            if found.isEmpty { break }
            found.forEach { kill($0, SIGKILL) }
            killed.formUnion(found)
            usleep(20_000)
        }
        return killed.count
    }
}

/// Shared-memory segments (`/dev/shm` on Linux) present now, to find those a run left behind.
///
/// Other programs may create segments while a chapter runs (another build, the test
/// suite), so a new segment counts as the run's only when its name carries the pid of
/// one of the run's processes, as names from the book's `SharedMemory.uniqueName` do
/// (`swiftbook-counter-<pid>-<n>`).
struct SharedMemorySnapshot {
    let names: Set<String>

    init() {
        names = Set((try? FileManager.default.contentsOfDirectory(atPath: "/dev/shm")) ?? [])
    }

    func added(since earlier: SharedMemorySnapshot, namingAnyOf pids: Set<pid_t>) -> [String] {
        names.subtracting(earlier.names).filter { name in
            pids.contains { name.contains("-\($0)-") || name.hasSuffix("-\($0)") }
        }.sorted()
    }
}
