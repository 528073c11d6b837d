import Foundation

extension RunStamp {
    /// The stamp of this process: now, this OS, this machine, this build.
    static func current(environment: [String: String]) -> RunStamp {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return RunStamp(
            date: formatter.string(from: Date()),
            operatingSystem: operatingSystemName(),
            cores: ProcessInfo.processInfo.activeProcessorCount,
            swiftVersion: environment["NOTEBOOK_SWIFT_VERSION"] ?? compilerVersion,
            configuration: buildConfiguration)
    }

    /// The compiler's version as far as `#if compiler` can tell; the builder passes the
    /// exact one (`swift --version`) in `NOTEBOOK_SWIFT_VERSION`.
    static var compilerVersion: String {
        #if compiler(>=6.4)
        "6.4 or later"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #elseif compiler(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }

    static var buildConfiguration: String {
        #if DEBUG
        let optimisation = "debug"
        #else
        let optimisation = "release"
        #endif
        return Notebook.isThreadSanitized ? "\(optimisation), ThreadSanitizer" : optimisation
    }

    /// `PRETTY_NAME` from /etc/os-release on Linux, the product version elsewhere.
    static func operatingSystemName() -> String {
        #if os(Linux)
        if let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            let name = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return "\(name) (Linux \(kernelRelease()))"
        }
        return "Linux \(kernelRelease())"
        #else
        let version = ProcessInfo.processInfo.operatingSystemVersion
        return "macOS \(version.majorVersion).\(version.minorVersion).\(version.patchVersion)"
        #endif
    }

    private static func kernelRelease() -> String {
        var info = utsname()
        guard uname(&info) == 0 else { return "unknown" }
        return withUnsafeBytes(of: &info.release) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
