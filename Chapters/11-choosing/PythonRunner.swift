import Foundation
import Notebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `python3` on `PATH`, if there is one, running this chapter's `python/showdown.py`.
struct PythonRunner: Sendable {
    /// The interpreter's file.
    let executable: URL
    /// What `python3 --version` said, e.g. `Python 3.11.7`.
    let version: String

    /// The script, found beside this source file: the chapter runs from the repository.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("python/showdown.py")

    enum Failure: Error, CustomStringConvertible {
        case timedOut(Duration)
        case failed(status: Int32, stderr: String)
        case unreadable(line: String)

        var description: String {
            switch self {
            case .timedOut(let limit): "python3 did not finish within \(limit); it was stopped"
            case .failed(let status, let stderr): "python3 exited with status \(status): \(stderr)"
            case .unreadable(let line): "python3 printed a line that is not a result: \(line)"
            }
        }
    }

    /// The first `python3` on `PATH` that runs and answers `--version`, and only if the
    /// chapter's script is there too; `nil` otherwise.
    static func find(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "") -> PythonRunner? {
        guard FileManager.default.fileExists(atPath: script.path) else { return nil }
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            guard FileManager.default.isExecutableFile(atPath: candidate.path),
                  let output = try? run(candidate, ["--version"], timeout: .seconds(10)),
                  output.status == 0
            else { continue }
            let version = (output.stdout + output.stderr).trimmingCharacters(in: .whitespacesAndNewlines)
            return PythonRunner(executable: candidate, version: version)
        }
        return nil
    }

    /// Runs `showdown.py` with `arguments` and decodes each line it prints.
    func showdown<Line: Decodable>(_ arguments: [String], as line: Line.Type,
                                   timeout: Duration = .seconds(60)) throws -> [Line] {
        let output = try Self.run(executable, [Self.script.path] + arguments, timeout: timeout)
        guard output.status == 0 else { throw Failure.failed(status: output.status, stderr: output.stderr) }
        return try output.stdout.split(separator: "\n").map { text in
            do {
                return try JSONDecoder().decode(Line.self, from: Data(text.utf8))
            } catch {
                throw Failure.unreadable(line: String(text))
            }
        }
    }

    // ANCHOR: run-python
    /// Runs a program to its end, or stops it after `timeout`. Both pipes are read while it
    /// runs: a child that fills a pipe nobody reads would wait forever (chapter 04).
    private static func run(_ executable: URL, _ arguments: [String],
                            timeout: Duration) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        let readers = DispatchGroup()
        let collected = CollectedOutput()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            readers.enter()
            Thread {
                collected.append(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
                readers.leave()
            }.start()
        }
        if exited.wait(timeout: .now() + timeout.seconds) == .timedOut {
            // The script leads a process group of its own: signal the group, so that its
            // pool's workers stop too, then the process itself in case it had no group yet.
            let pid = process.processIdentifier
            for signal in [SIGTERM, SIGKILL] {
                kill(-pid, signal)
                kill(pid, signal)
                if exited.wait(timeout: .now() + 2) == .success { break }
            }
            _ = readers.wait(timeout: .now() + 2)
            throw Failure.timedOut(timeout)
        }
        // A grandchild that outlived the script would hold its pipes open: stop it.
        if readers.wait(timeout: .now() + 5) == .timedOut {
            kill(-process.processIdentifier, SIGKILL)
            _ = readers.wait(timeout: .now() + 2)
        }
        return (process.terminationStatus, collected.stdout, collected.stderr)
    }
    // ANCHOR_END: run-python
}
