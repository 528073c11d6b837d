import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the kernel knows about running processes, read from `/proc` (Linux only).
public enum ProcessTable {
    /// The pids of every process whose parent is `parent`, zombies (ended, not yet reaped)
    /// included. `nil` where `/proc` is not available.
    public static func children(of parent: Int32 = getpid()) -> [Int32]? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        return entries.compactMap(Int32.init).filter { parentID(of: $0) == parent }.sorted()
    }

    /// True while process `pid` exists and has not ended. A zombie (ended, waiting for its
    /// parent to reap it) counts as ended. `nil` where `/proc` is not available.
    public static func isRunning(_ pid: Int32) -> Bool? {
        guard FileManager.default.fileExists(atPath: "/proc/self/stat") else { return nil }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// The parent pid in `/proc/<pid>/stat`: the second field after the command name,
    /// which is in parentheses and may itself contain spaces and parentheses.
    static func parentID(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? Int32(fields[1]) : nil
    }
}

