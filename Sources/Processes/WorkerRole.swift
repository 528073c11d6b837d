import Foundation

/// How one program plays two parts: the parent, and a worker started by the parent.
///
/// Python's `multiprocessing` (with the *spawn* start method) starts a fresh interpreter
/// that imports your module and calls the target function. A compiled Swift program does
/// the same by starting *its own executable* again with an argument that names the role:
///
///     chapter-04 --worker-role count-primes --worker-parent 4242
///
/// `main.swift` checks the role first, before anything else runs, and a worker never
/// reaches the parent's code. The parent's pid travels along, so that a worker can tell
/// when its parent has died (see `WorkerLoop.exitWhenOrphaned`).
public enum WorkerRole {
    /// The argument that marks a worker; the role's name follows it.
    public static let flag = "--worker-role"
    /// The argument before the parent's pid.
    public static let parentFlag = "--worker-parent"

    /// The role this process was started in, or `nil` in the parent.
    public static func current(arguments: [String] = CommandLine.arguments) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    /// The pid of the process that started this worker, as it said when it did.
    public static func parentPID(arguments: [String] = CommandLine.arguments) -> Int32? {
        guard let index = arguments.firstIndex(of: parentFlag), index + 1 < arguments.count else { return nil }
        return Int32(arguments[index + 1])
    }

    /// The arguments after the role and the parent's pid
    /// (`--worker-role name --worker-parent 42 a b` -> `[a, b]`).
    public static func extraArguments(arguments: [String] = CommandLine.arguments) -> [String] {
        guard let index = arguments.firstIndex(of: flag) else { return [] }
        var rest = arguments.dropFirst(index + 2)
        if rest.first == parentFlag { rest = rest.dropFirst(2) }
        return Array(rest)
    }

    /// The command-line arguments that start a worker in `role`, from this process.
    public static func arguments(for role: String, extra: [String] = []) -> [String] {
        [flag, role, parentFlag, "\(getpid())"] + extra
    }

    /// The running program's own executable file.
    ///
    /// `CommandLine.arguments[0]` is what the shell typed, which may be a bare name found
    /// on `PATH` or a path relative to another directory; `Bundle.main.executableURL` is
    /// the file itself.
    public static var currentExecutable: URL {
        guard let url = Bundle.main.executableURL else {
            preconditionFailure("this process has no executable URL")
        }
        return url
    }
}
