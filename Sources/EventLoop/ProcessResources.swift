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
    /// CPU time used so far, user and system, in seconds (`/proc/PID/stat`).
    public var cpuSeconds: Double?

    /// Fields 14 and 15 of `stat` (utime, stime), in clock ticks. The command name in
    /// field 2 may hold spaces, so fields are counted from its closing parenthesis.
    private static func cpuSeconds(_ path: String) -> Double? {
        guard let text = readWholeFile(path), let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the name: field 3 is fields[0], so utime (14) is fields[11], stime (15) fields[12].
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Reads them for `pid` (this process by default).
    public static func of(_ pid: Int32 = getpid()) -> ProcessResources {
        let folder = "/proc/\(pid)"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/fd"))?.count
        guard let status = readWholeFile(folder + "/status") else {
            return ProcessResources(openDescriptors: descriptors)
        }
        func field(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
                .map { line.hasSuffix("kB") ? $0 * 1024 : $0 }
        }
        return ProcessResources(openDescriptors: descriptors, threads: field("Threads"),
                                residentBytes: field("VmRSS"), peakResidentBytes: field("VmHWM"),
                                cpuSeconds: cpuSeconds(folder + "/stat"))
    }
}

/// The whole of a file, read with `read(2)` until end of file. Foundation's
/// `String(contentsOfFile:)` stops after the first 4 KiB of a `/proc` file (seen on Linux
/// with Swift 6.3.1), and `/proc` files report their size as 0.
func readWholeFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { _ = systemClose(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = read(descriptor, &chunk, chunk.count)
        guard count > 0 else { break }
        bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}
