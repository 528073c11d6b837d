import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the builder must undo when it is interrupted (Ctrl-C, `kill`, its `make` dying):
/// every process group it started, every process a chapter run started, and its
/// temporary folders.
///
/// Chapters run in process groups of their own (so the watchdog can kill a whole
/// chapter at once), which also means the terminal's Ctrl-C never reaches them: only
/// the builder hears it, and it must stop them itself.
public enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var groups: Set<pid_t> = []
    nonisolated(unsafe) private static var cleanups: [Int: @Sendable () -> Void] = [:]
    nonisolated(unsafe) private static var nextCleanup = 0
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let queue = DispatchQueue(label: "book.interruption")

    /// The signals the builder stops cleanly on.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Makes SIGINT, SIGTERM and SIGHUP stop everything the builder started, remove
    /// `folders` (and what runs registered), and end the builder with the signal.
    /// On Linux the builder also gets SIGTERM when its parent (`make`) dies.
    public static func install(removing folders: [URL] = []) {
        for folder in folders { _ = onInterrupt { try? FileManager.default.removeItem(at: folder) } }
        lock.withLock {
            guard sources.isEmpty else { return }
            for signalNumber in signals {
                signal(signalNumber, SIG_IGN)  // the dispatch source hears it instead
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { stopEverything(signal: signalNumber) }
                source.resume()
                sources.append(source)
            }
        }
        #if os(Linux)
        _ = Subreaper.prctl(Subreaper.setParentDeathSignal, UInt(SIGTERM))
        #endif
    }

    /// Registers a process group to kill on interruption (every `ChildProcess` does).
    static func started(group: pid_t) { _ = lock.withLock { groups.insert(group) } }
    static func ended(group: pid_t) { _ = lock.withLock { groups.remove(group) } }

    /// Registers `cleanup` to run on interruption; returns a key for `done(_:)`.
    static func onInterrupt(_ cleanup: @escaping @Sendable () -> Void) -> Int {
        lock.withLock {
            nextCleanup += 1
            cleanups[nextCleanup] = cleanup
            return nextCleanup
        }
    }

    static func done(_ key: Int) { _ = lock.withLock { cleanups.removeValue(forKey: key) } }

    nonisolated(unsafe) private static var stopping = false

    /// True once a signal has started stopping the builder.
    static var isStopping: Bool { lock.withLock { stopping } }

    /// Called by a thread that sees a child end while the builder is being stopped: the
    /// child was killed by the stop, and reporting that as the chapter's failure would
    /// race with it. The signal handler ends the process.
    static func waitForTheStop() -> Never {
        while true { pause() }
    }

    private static func stopEverything(signal signalNumber: Int32) {
        let (groups, cleanups) = lock.withLock {
            stopping = true
            return (self.groups, Array(self.cleanups.values))
        }
        for group in groups {
            kill(-group, SIGKILL)
            kill(group, SIGKILL)
        }
        for cleanup in cleanups { cleanup() }
        let name = ChildProcess.signalName(signalNumber)
        FileHandle.standardError.write(Data("\nbookbuilder: stopped by \(name): killed \(groups.count) running program(s) and what they started, removed temporary folders\n".utf8))
        // End the way the signal would have ended us, so `make` reports it as an interruption.
        // The signal goes to the process (this dispatch thread blocks signals), and the
        // exit status shells give a death by signal is the fallback.
        signal(signalNumber, SIG_DFL)
        kill(getpid(), signalNumber)
        usleep(200_000)
        _exit(128 + signalNumber)
    }

    /// Removes `.running-PID`, `.new-PID`, `.old-PID` and `.staging-PID` folders in
    /// `folders` whose builder (PID) is no longer running: a killed build leaves them.
    /// Returns the names removed.
    @discardableResult
    public static func removeStaleFolders(in folders: [URL]) -> [String] {
        let fm = FileManager.default
        var removed: [String] = []
        for folder in folders {
            for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard let match = name.firstMatch(of: /^(?:.+\.(?:running|new|old)|\.staging)-([0-9]+)$/),
                      let pid = pid_t(match.1), pid != getpid(), !isAlive(pid) else { continue }
                if (try? fm.removeItem(at: folder.appendingPathComponent(name))) != nil { removed.append(name) }
            }
        }
        return removed.sorted()
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

/// On Linux, makes the builder a child subreaper (`PR_SET_CHILD_SUBREAPER`): a process
/// a chapter started and abandoned (its parent exited, or it double-forked to get away)
/// is handed to the builder instead of to init, so the leak check finds it whatever
/// environment or process group it chose. Elsewhere this does nothing.
public enum Subreaper {
    nonisolated(unsafe) private static var enabled = false
    private static let lock = NSLock()

    static var isEnabled: Bool { lock.withLock { enabled } }

    /// Call once, early, in the builder (never in a test process, whose other children
    /// would then look like a chapter's).
    @discardableResult
    public static func enable() -> Bool {
        #if os(Linux)
        let ok = prctl(setChildSubreaper, 1) == 0
        lock.withLock { enabled = ok }
        return ok
        #else
        return false
        #endif
    }

    /// Reaps adopted processes that have ended, so they do not stay zombies. Only pids
    /// the builder did not start itself are waited for: never a `Foundation.Process` or
    /// `ChildProcess` child, whose owners wait for them.
    static func reapAdopted() {
        #if os(Linux)
        guard isEnabled else { return }
        let me = getpid()
        let own = Interruption.ownChildren()
        for entry in ProcessTable.read().entries.values where entry.parent == me && entry.isZombie && !own.contains(entry.pid) {
            var status: Int32 = 0
            _ = waitpid(entry.pid, &status, WNOHANG)
        }
        #endif
    }

    #if os(Linux)
    static let setParentDeathSignal: Int32 = 1   // PR_SET_PDEATHSIG
    static let setChildSubreaper: Int32 = 36     // PR_SET_CHILD_SUBREAPER

    /// glibc's `prctl` is variadic, which Swift cannot call: call it through a
    /// non-variadic pointer (integer arguments are passed the same way on Linux).
    static func prctl(_ option: Int32, _ argument: UInt) -> Int32 {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return -1 }
        return unsafeBitCast(symbol, to: Prctl.self)(option, argument, 0, 0, 0)
    }
    #endif
}

extension Interruption {
    /// Pids of process groups the builder started and has not reaped yet.
    static func ownChildren() -> Set<pid_t> { lock.withLock { groups } }
}
