import Foundation

/// What a process holds right now, read from Linux's `/proc/PID/`: open descriptors,
/// OS threads and memory. Each is `nil` where `/proc` does not exist (macOS).
public struct ProcessResources: Sendable, Equatable {
    /// Entries of `/proc/PID/fd`.
    public var openDescriptors: Int?
    /// `Threads:` of `/proc/PID/status`.
    public var threads: Int?
    /// `VmRSS:`, resident memory now, in bytes.
    public var residentBytes: Int?
    /// `VmHWM:`, the most resident memory the process has had, in bytes: the kernel keeps
    /// this peak itself, so no sampling can miss it.
    public var peakResidentBytes: Int?

    /// Reads them for `pid` (this process by default).
    public static func of(_ pid: Int32 = getpid()) -> ProcessResources {
        let folder = "/proc/\(pid)"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/fd"))?.count
        guard let status = try? String(contentsOfFile: folder + "/status", encoding: .utf8) else {
            return ProcessResources(openDescriptors: descriptors)
        }
        func field(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
                .map { line.hasSuffix("kB") ? $0 * 1024 : $0 }
        }
        return ProcessResources(openDescriptors: descriptors, threads: field("Threads"),
                                residentBytes: field("VmRSS"), peakResidentBytes: field("VmHWM"))
    }
}
