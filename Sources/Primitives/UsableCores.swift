import Foundation

/// How many cores this process may actually run on: the answer every ideal speedup and
/// every "free cores" rule in the book rests on.
///
/// `ProcessInfo.activeProcessorCount` is not that number on Linux: it counts the CPUs
/// online and ignores the process's CPU affinity mask (`taskset -c 0 ./program` still
/// reports every CPU) and the CPU limit of its control group (a container's `--cpus`).
/// On Linux this reads the allowed CPUs from `/proc/self/status` (`Cpus_allowed_list`,
/// what `sched_getaffinity` returns, which Swift's Glibc module does not export) and
/// caps the count by the cgroup quota (`cpu.max` in cgroup v2, `cpu.cfs_quota_us` /
/// `cpu.cfs_period_us` in v1), rounded up. Elsewhere it is `activeProcessorCount`.
public enum UsableCores {
    /// The number of cores this process may use, at least 1.
    public static var count: Int {
        let online = ProcessInfo.processInfo.activeProcessorCount
        #if os(Linux)
        var usable = online
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let allowed = allowedCPUs(inStatus: status) {
            usable = min(usable, allowed)
        }
        if let quota = cgroupQuota() {
            usable = min(usable, Int(quota.rounded(.up)))
        }
        return max(1, usable)
        #else
        return max(1, online)
        #endif
    }

    /// The CPUs the affinity mask allows, without the cgroup quota: what libdispatch sizes
    /// its pool of worker threads by on Linux (`pthread_getaffinity_np` in its
    /// `src/shims/hw_config.h`). Elsewhere `activeProcessorCount`.
    public static var allowedByAffinity: Int {
        let online = ProcessInfo.processInfo.activeProcessorCount
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let allowed = allowedCPUs(inStatus: status) {
            return max(1, min(online, allowed))
        }
        #endif
        return max(1, online)
    }

    /// The number of CPUs in the `Cpus_allowed_list:` line of a `/proc/PID/status` text.
    static func allowedCPUs(inStatus status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") }) else {
            return nil
        }
        return countCPUs(inList: line.dropFirst("Cpus_allowed_list:".count))
    }

    /// Counts the CPUs of a kernel CPU list such as `0-3,8,10-11` (7 CPUs).
    static func countCPUs(inList list: Substring) -> Int? {
        var total = 0
        for range in list.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",") {
            let ends = range.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            switch ends.count {
            case 1:
                guard ends[0] != nil else { return nil }
                total += 1
            case 2:
                guard let first = ends[0], let last = ends[1], last >= first else { return nil }
                total += last - first + 1
            default:
                return nil
            }
        }
        return total > 0 ? total : nil
    }

    /// The cores a cgroup v2 `cpu.max` text allows ("200000 100000" is 2.0), or nil for
    /// "max" (no limit) or text it cannot read.
    static func cores(inCPUMax text: String) -> Double? {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let quota = Double(fields[0]), let period = Double(fields[1]),
              quota > 0, period > 0 else { return nil }
        return quota / period
    }

    #if os(Linux)
    /// The CPU limit of the process's control group, in cores, if it has one.
    static func cgroupQuota() -> Double? {
        guard let membership = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return nil }
        for line in membership.split(separator: "\n") {
            // "0::/path" (v2) or "4:cpu,cpuacct:/path" (v1).
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = String(fields[2])
            if fields[0] == "0", fields[1].isEmpty {
                for directory in ["/sys/fs/cgroup" + path, "/sys/fs/cgroup"] {
                    if let text = try? String(contentsOfFile: directory + "/cpu.max", encoding: .utf8) {
                        return cores(inCPUMax: text)
                    }
                }
            } else if fields[1].split(separator: ",").contains("cpu") {
                for root in ["/sys/fs/cgroup/cpu,cpuacct", "/sys/fs/cgroup/cpu"] {
                    for directory in [root + path, root] {
                        if let quota = try? String(contentsOfFile: directory + "/cpu.cfs_quota_us", encoding: .utf8),
                           let period = try? String(contentsOfFile: directory + "/cpu.cfs_period_us", encoding: .utf8) {
                            return cores(inCPUMax: quota + " " + period)
                        }
                    }
                }
            }
        }
        return nil
    }
    #endif
}
