import Foundation

/// This process's memory as the Linux kernel reports it in `/proc/self/status`:
/// address space reserved (`VmSize`) and memory actually in use (`VmRSS`).
struct ProcessMemory {
    let reservedBytes: Int
    let residentBytes: Int

    /// The current figures, or `nil` where there is no `/proc` (macOS).
    static func current() -> ProcessMemory? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func kilobytes(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
            return line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) }
        }
        guard let size = kilobytes("VmSize"), let resident = kilobytes("VmRSS") else { return nil }
        return ProcessMemory(reservedBytes: size * 1024, residentBytes: resident * 1024)
    }
}
