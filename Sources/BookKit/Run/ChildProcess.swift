import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program the builder starts: a chapter, the compiler, a sanitized example.
/// Started with `posix_spawn` in a process group of its own, so the whole group can be
/// stopped at once; waited for with a deadline, so nothing the builder runs can hang it.
struct ChildProcess {
    enum Output {
        /// The child writes where the builder writes (a reader watching `make chapter-NN`).
        case inherit
        /// stdout and stderr both go to this file.
        case file(String)
    }

    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        /// `poll` asked to stop it (a cell past its own budget, a flooding cell).
        case stopped
    }

    let pid: pid_t

    /// Starts `executable` (a path, or a name looked up in PATH) with `arguments`, in the
    /// builder's working folder (the repository's root).
    init(executable: String, arguments: [String], environment: [String: String], output: Output) throws {
        var fileActions = Self.makeFileActions()
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        if case .file(let path) = output {
            posix_spawn_file_actions_addopen(&fileActions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)

        var attributes = Self.makeAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let status = executable.contains("/")
            ? posix_spawn(&pid, executable, &fileActions, &attributes, argv, envp)
            : posix_spawnp(&pid, executable, &fileActions, &attributes, argv, envp)
        guard status == 0 else {
            throw BookError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        Interruption.started(group: pid)
    }

    #if canImport(Darwin)
    private static func makeFileActions() -> posix_spawn_file_actions_t? {
        var actions: posix_spawn_file_actions_t?
        posix_spawn_file_actions_init(&actions)
        return actions
    }
    private static func makeAttributes() -> posix_spawnattr_t? {
        var attributes: posix_spawnattr_t?
        posix_spawnattr_init(&attributes)
        return attributes
    }
    #else
    private static func makeFileActions() -> posix_spawn_file_actions_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        return actions
    }
    private static func makeAttributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        return attributes
    }
    #endif

    /// Waits until the child ends or `timeout` seconds pass. On a timeout the child's
    /// whole process group is killed (and reaped) before this returns. `poll` runs about
    /// every `interval` while the child runs; when it returns `true` the group is killed
    /// the same way and the ending is `.stopped`.
    /// `beforeKilling` runs just before the group is killed for either reason (to look at
    /// the live process one last time).
    func wait(timeout: Double, every interval: Duration = .milliseconds(250), poll: () -> Bool = { false },
              beforeKilling: () -> Void = {}) -> Ending {
        defer { Interruption.ended(group: pid) }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var nextPoll = ContinuousClock.now
        var status: Int32 = 0
        while true {
            if ContinuousClock.now >= nextPoll {
                if poll() {
                    beforeKilling()
                    killGroup()
                    _ = waitpid(pid, &status, 0)
                    return .stopped
                }
                nextPoll = ContinuousClock.now + interval
            }
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                if Interruption.isStopping { Interruption.waitForTheStop() }
                return Self.ending(status)
            }
            if result < 0 && errno != EINTR { return .exited(-1) }
            if ContinuousClock.now >= deadline {
                beforeKilling()
                killGroup()
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            usleep(10_000)
        }
    }

    func killGroup() {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
    }

    private static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// The signal's name, e.g. `SIGSEGV`, for messages.
    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGILL: "SIGILL",
                                      SIGINT: "SIGINT", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGTERM: "SIGTERM",
                                      SIGTRAP: "SIGTRAP", SIGPIPE: "SIGPIPE", SIGHUP: "SIGHUP",
                                      SIGQUIT: "SIGQUIT", SIGXFSZ: "SIGXFSZ"]
        return names[signal] ?? "signal \(signal)"
    }
}
