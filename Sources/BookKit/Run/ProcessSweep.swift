import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds every process a chapter run started, however deep, in ways a child cannot opt
/// out of by choosing its own environment:
///
/// - descendants of the chapter's process, from the parent links in `/proc` (Linux),
///   remembered from poll to poll, so a process still counts after its parent is gone;
/// - when the builder is a child subreaper (`Subreaper.enable()`, Linux), orphans of
///   the run come back to the builder: any child of the builder other than the chapter
///   is the run's;
/// - a token in the environment (`NOTEBOOK_RUN=<token>`), which most children inherit;
/// - the chapter's process group, killed as a whole.
///
/// On macOS there is no `/proc`: only the chapter's process group is swept there.
final class ProcessSweep: @unchecked Sendable {
    static let variable = "NOTEBOOK_RUN"
    let value = UUID().uuidString
    var token: String { "\(Self.variable)=\(value)" }

    /// A process seen as part of the run: what it was and in which cell it was first seen.
    struct Found: Hashable {
        let pid: pid_t
        let startTime: UInt64
        let commandLine: String
        let cell: String
    }

    private let lock = NSLock()
    private var root: pid_t = 0
    private var seen: [pid_t: Found] = [:]

    /// Starts sweeping for the run whose first process is `pid`.
    func track(root pid: pid_t) {
        lock.withLock { root = pid }
    }

    /// Live processes of the run (never the builder itself, never the chapter's own
    /// process once it has been reaped). `cell` names where a newly seen one started.
    @discardableResult
    func survivors(cell: String = "") -> [Found] {
        #if os(Linux)
        let table = ProcessTable.read()
        let me = getpid()
        let root = lock.withLock { self.root }
        var members = Set(table.descendants(of: root))
        if Subreaper.isEnabled {
            members.formUnion(table.entries.values.filter { $0.parent == me && $0.pid != root }.map(\.pid))
            members.formUnion(members.flatMap { table.descendants(of: $0) })
        }
        let needle = Array(token.utf8)
        for entry in table.entries.values where entry.pid != me && !members.contains(entry.pid) {
            if let environ = FileManager.default.contents(atPath: "/proc/\(entry.pid)/environ"),
               environ.split(separator: 0).contains(where: { $0.elementsEqual(needle) }) {
                members.insert(entry.pid)
            }
        }
        // A pid seen before, still alive with the same start time, is still the run's:
        // its parent may have died and the kernel handed it to init.
        return lock.withLock {
            for (pid, found) in seen where table.entries[pid]?.startTime == found.startTime { members.insert(pid) }
            var result: [Found] = []
            for pid in members.sorted() where pid != me {
                guard let entry = table.entries[pid], !entry.isZombie else { continue }
                if let known = seen[pid], known.startTime == entry.startTime {
                    result.append(known)
                } else {
                    let found = Found(pid: pid, startTime: entry.startTime, commandLine: ProcessTable.commandLine(of: pid), cell: cell)
                    seen[pid] = found
                    result.append(found)
                }
            }
            return result
        }
        #else
        return []
        #endif
    }

    /// Gives survivors up to `grace` to end by themselves (a worker that notices its
    /// parent is gone, ThreadSanitizer's symbolizer finishing a report), then kills those
    /// still running; returns what it had to kill.
    @discardableResult
    func killSurvivors(after grace: Duration, cell: String = "") -> [Found] {
        let deadline = ContinuousClock.now + grace
        while !survivors(cell: cell).isEmpty && ContinuousClock.now < deadline {
            Subreaper.reapAdopted()
            usleep(20_000)
        }
        return killSurvivors(cell: cell)
    }

    /// Kills every survivor with SIGKILL; returns what there was.
    @discardableResult
    func killSurvivors(cell: String = "") -> [Found] {
        var killed: [pid_t: Found] = [:]
        for _ in 0..<5 {  // a dying parent may start one more child: sweep again
            let found = survivors(cell: cell)
            if found.isEmpty { break }
            for process in found {
                kill(process.pid, SIGKILL)
                killed[process.pid] = process
            }
            usleep(20_000)
            Subreaper.reapAdopted()
        }
        return killed.values.sorted { $0.pid < $1.pid }
    }

    /// "pid 123 `/bin/sleep 601` (started in cell 'leak')", one per line, for messages.
    static func describe(_ found: [Found]) -> String {
        found.map { process in
            "pid \(process.pid) `\(process.commandLine)`" + (process.cell.isEmpty ? "" : " (seen first in cell '\(process.cell)')")
        }.joined(separator: "\n  ")
    }
}

#if os(Linux)
/// A snapshot of `/proc`: every process with its parent and start time.
struct ProcessTable {
    struct Entry {
        let pid: pid_t
        let parent: pid_t
        /// Clock ticks since boot: with the pid, names one process even if the pid is reused.
        let startTime: UInt64
        let isZombie: Bool
    }

    let entries: [pid_t: Entry]

    static func read() -> ProcessTable {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var entries: [pid_t: Entry] = [:]
        for pid in names.compactMap({ pid_t($0) }) {
            if let entry = entry(pid) { entries[pid] = entry }
        }
        return ProcessTable(entries: entries)
    }

    /// Parses `/proc/<pid>/stat`: the command may contain spaces and parentheses, so the
    /// fields are counted from the last `)`.
    static func entry(_ pid: pid_t) -> Entry? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is the state (field 3 of stat), [1] the parent (4), [19] the start time (22).
        guard fields.count > 19, let parent = pid_t(fields[1]), let start = UInt64(fields[19]) else { return nil }
        return Entry(pid: pid, parent: parent, startTime: start, isZombie: fields[0] == "Z" || fields[0] == "X")
    }

    func descendants(of root: pid_t) -> [pid_t] {
        guard root > 0 else { return [] }
        var children: [pid_t: [pid_t]] = [:]
        for entry in entries.values { children[entry.parent, default: []].append(entry.pid) }
        var result: [pid_t] = [], stack = children[root] ?? []
        while let pid = stack.popLast() {
            result.append(pid)
            stack.append(contentsOf: children[pid] ?? [])
        }
        return result
    }

    /// A `/proc` file read to its end. Their size is 0 to `stat`, and a reader that trusts
    /// the size stops early: a ThreadSanitizer process's `maps` runs to many pages.
    static func readWhole(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var data = Data(), buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The command line, arguments separated by spaces (at most 200 characters).
    static func commandLine(of pid: pid_t) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else {
            return (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        }
        let text = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
#endif

/// Shared-memory segments (`/dev/shm` on Linux) present now, to find those a run left behind.
///
/// Other programs (another build, the test suite) may create segments while a chapter
/// runs, so a new segment counts as the run's when:
/// - its name carries the pid of one of the run's processes (`SharedMemory.uniqueName`
///   gives `swiftbook-counter-<pid>-<n>`), or
/// - one of the run's processes was seen holding it (open or mapped) while it ran, or
/// - in the builder only (a child subreaper holding the build lock, so no other build
///   runs in this folder), no living process holds it: once the run's processes are gone,
///   a new segment nobody holds was left behind, whatever its name. A test process
///   skips this rule: the suites beside it make segments of their own.
struct SharedMemorySnapshot {
    let names: Set<String>

    init() {
        names = Set((try? FileManager.default.contentsOfDirectory(atPath: "/dev/shm")) ?? [])
    }

    func added(since earlier: SharedMemorySnapshot, namingAnyOf pids: Set<pid_t>, heldByTheRun: Set<String> = []) -> [String] {
        let new = names.subtracting(earlier.names)
        guard !new.isEmpty else { return [] }
        let held = Subreaper.isEnabled ? Self.heldSegments() : []
        return new.filter { name in
            pids.contains { name.contains("-\($0)-") || name.hasSuffix("-\($0)") }
                || heldByTheRun.contains(name)
                || (Subreaper.isEnabled && !held.contains(name))
        }.sorted()
    }

    /// Names of `/dev/shm` entries that the processes `pids` (all, when `nil`) hold open
    /// (a descriptor) or mapped.
    static func heldSegments(by pids: [pid_t]? = nil) -> Set<String> {
        #if os(Linux)
        var held = Set<String>()
        let fm = FileManager.default
        let all = pids?.map(String.init) ?? ((try? fm.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid_t($0) != nil }
        for pid in all {
            for fd in (try? fm.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? [] {
                if let target = try? fm.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)"), target.hasPrefix("/dev/shm/") {
                    held.insert(String(target.dropFirst("/dev/shm/".count)))
                }
            }
            if let maps = ProcessTable.readWhole("/proc/\(pid)/maps") {
                for line in maps.split(separator: "\n") {
                    guard let range = line.range(of: " /dev/shm/") else { continue }
                    held.insert(String(line[range.upperBound...]).replacingOccurrences(of: " (deleted)", with: ""))
                }
            }
        }
        return held
        #else
        return []
        #endif
    }
}
