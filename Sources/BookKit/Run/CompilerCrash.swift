import Foundation

/// A compiler that crashed rather than answered: killed by a signal, or its own crash
/// handler's words ("Please submit a bug report", a stack dump) in its output. Such
/// output is never a diagnostic to show a reader.
struct CompilerCrash: Equatable {
    /// One line: how it ended, e.g. `SIGSEGV` or `exit status 1 after a stack dump`.
    let summary: String
    /// The first lines of what it printed, up to the stack dump.
    let excerpt: String

    static let markers = ["Please submit a bug report", "Stack dump:", "Compiling with effective version",
                          "While evaluating request"]

    init?(ending: ChildProcess.Ending, output: String) {
        let marked = Self.markers.contains { output.contains($0) }
        switch ending {
        case .signalled(let signal):
            summary = "killed by \(ChildProcess.signalName(signal))"
        case .exited(let status) where marked:
            summary = "exit status \(status) after the compiler's crash report"
        default:
            return nil
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let firstFrame = lines.firstIndex { $0.hasPrefix("Stack dump") || $0.range(of: #"^\s*0\s+\S"#, options: .regularExpression) != nil }
        excerpt = lines[..<min(firstFrame ?? lines.count, 20)].joined(separator: "\n")
    }
}
