import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a hung chapter's threads are waiting, in the chapter's own files:
/// "main thread waiting in DispatchSemaphore.wait() at Locks.swift:17, called from main.swift:30".
///
/// Taken just before the watchdog kills the chapter, with `gdb` (attached for a moment)
/// and `llvm-symbolizer` (from the Swift toolchain) for file:line. Not the Swift runtime's
/// backtracer: with Swift 6.3.1 on Debian 12, a SIGQUIT makes it print only the thread
/// that received the signal, and it stops at the first glibc frame (glibc is built
/// without frame pointers), which for a hang is always the futex wait; the process also
/// did not exit afterwards. A debugger unwinds through glibc with its unwind tables.
///
/// Linux only; without gdb (or where the kernel refuses to let it attach) it says so.
enum HangReport {
    struct Frame {
        var symbol: String
        var location: String?   // "/path/File.swift:17"
        var isChapterCode: Bool
    }

    struct Thread {
        var systemID: pid_t
        var name: String
        var frames: [Frame]
    }

    /// The report for the process `pid`, running `executable`; empty when nothing useful.
    static func threads(of pid: pid_t, executable: URL) -> String {
        #if os(Linux)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("book-hang-\(getpid())-\(pid)")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let log = work.appendingPathComponent("gdb.txt").path
        guard let gdb = try? ChildProcess(executable: "gdb", arguments: ["-p", String(pid), "--batch", "-nx", "-ex", "thread apply all bt"],
                                          environment: ProcessInfo.processInfo.environment, output: .file(log)) else {
            return "\n(install gdb to see where the chapter's threads were waiting)"
        }
        guard gdb.wait(timeout: 8) == .exited(0), let text = try? String(contentsOfFile: log, encoding: .utf8) else {
            return "\n(gdb could not attach to the chapter to show where its threads were waiting)"
        }
        let exePath = executable.resolvingSymlinksInPath().path
        var threads = parse(text)
        guard let (base, range) = mapping(of: exePath, in: pid) else { return "" }
        symbolize(&threads, executable: exePath, base: base, range: range, work: work)
        return describe(threads, mainThread: pid)
        #else
        return ""
        #endif
    }

    /// gdb's `thread apply all bt`: `Thread 1 (Thread 0x... (LWP 123) "name"):` then `#n ...` frames.
    static func parse(_ text: String) -> [Thread] {
        var threads: [Thread] = []
        for line in text.split(separator: "\n") {
            if let header = line.firstMatch(of: /^Thread [0-9]+ \(Thread 0x[0-9a-f]+ \(LWP ([0-9]+)\) "([^"]*)"\)/) {
                threads.append(Thread(systemID: pid_t(header.1) ?? 0, name: String(header.2), frames: []))
            } else if let frame = line.firstMatch(of: /^#[0-9]+ +(?:(0x[0-9a-f]+) in )?([^ (]+)/), !threads.isEmpty {
                // The address stays in `location` until symbolized; frames without one are libc's top.
                let address = frame.1.map { String($0) }
                threads[threads.count - 1].frames.append(Frame(symbol: String(frame.2), location: address, isChapterCode: false))
            }
        }
        return threads
    }

    /// The load address of `path` in `pid` (its mapping at file offset 0) and the span of
    /// all its mappings.
    static func mapping(of path: String, in pid: pid_t) -> (UInt64, ClosedRange<UInt64>)? {
        guard let maps = ProcessTable.readWhole("/proc/\(pid)/maps") else { return nil }
        var base: UInt64?, low = UInt64.max, high: UInt64 = 0
        for line in maps.split(separator: "\n") where line.hasSuffix(" " + path) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let bounds = fields[0].split(separator: "-").compactMap { UInt64($0, radix: 16) }
            guard bounds.count == 2, fields.count > 2 else { continue }
            if UInt64(fields[2], radix: 16) == 0 && base == nil { base = bounds[0] }
            low = min(low, bounds[0])
            high = max(high, bounds[1])
        }
        guard let base, low < high else { return nil }
        return (base, low...high)
    }

    /// Replaces frames in the executable by what `llvm-symbolizer` says they are (one
    /// address may be several inlined frames), and demangles Swift names.
    static func symbolize(_ threads: inout [Thread], executable: String, base: UInt64, range: ClosedRange<UInt64>, work: URL) {
        var addresses: [UInt64] = []
        for thread in threads {
            for frame in thread.frames {
                if let text = frame.location, let address = UInt64(text.dropFirst(2), radix: 16), range.contains(address) {
                    addresses.append(address)
                }
            }
        }
        // A return address points after the call: one byte back is inside it.
        let arguments = ["--obj=\(executable)", "--no-demangle"] + addresses.map { "0x" + String($0 - base - 1, radix: 16) }
        let resolved = run("llvm-symbolizer", arguments, work: work).split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [[(String, String)]] = [], current: [(String, String)] = [], index = 0
        while index < resolved.count {
            if resolved[index].isEmpty {
                if !current.isEmpty { blocks.append(current); current = [] }
                index += 1
                continue
            }
            let location = index + 1 < resolved.count ? String(resolved[index + 1]) : ""
            current.append((String(resolved[index]), location))
            index += 2
        }
        if !current.isEmpty { blocks.append(current) }
        var byAddress: [UInt64: [(String, String)]] = [:]
        for (address, block) in zip(addresses, blocks) { byAddress[address] = block }

        let chapterFiles = { (path: String) in path.hasSuffix(".swift") && !path.contains("/Sources/") && !path.hasPrefix("<") }
        for t in threads.indices {
            threads[t].frames = threads[t].frames.flatMap { frame -> [Frame] in
                guard let text = frame.location, let address = UInt64(text.dropFirst(2), radix: 16) else {
                    return [Frame(symbol: frame.symbol, location: nil, isChapterCode: false)]
                }
                guard let block = byAddress[address] else {
                    return [Frame(symbol: frame.symbol, location: nil, isChapterCode: false)]
                }
                return block.map { symbol, place in
                    let path = place.split(separator: ":").first.map(String.init) ?? ""
                    let line = place.split(separator: ":").dropFirst().first.map(String.init) ?? "0"
                    return Frame(symbol: symbol, location: "\(path):\(line)", isChapterCode: chapterFiles(path) && line != "0")
                }
            }
        }
        let mangled = Array(Set(threads.flatMap { $0.frames.map(\.symbol) }.filter { $0.hasPrefix("$s") })).sorted()
        guard !mangled.isEmpty else { return }
        let demangled = run("swift-demangle", ["--simplified", "--compact"] + mangled, work: work).split(separator: "\n").map(String.init)
        guard demangled.count == mangled.count else { return }
        let names = Dictionary(uniqueKeysWithValues: zip(mangled, demangled))
        for t in threads.indices {
            for f in threads[t].frames.indices { threads[t].frames[f].symbol = names[threads[t].frames[f].symbol] ?? threads[t].frames[f].symbol }
        }
    }

    /// One line per thread that is in the chapter's code: what it waits in, and where.
    static func describe(_ threads: [Thread], mainThread: pid_t) -> String {
        var lines: [String] = []
        var elsewhere = 0
        for thread in threads.sorted(by: { $0.systemID < $1.systemID }) {
            guard let first = thread.frames.firstIndex(where: \.isChapterCode) else {
                elsewhere += 1
                continue
            }
            let waiting = first > 0 ? waitingIn(thread.frames[..<first]) : nil
            let places = thread.frames[first...].filter(\.isChapterCode).prefix(3).compactMap { $0.location.map(Self.shortPlace) }
            let who = thread.systemID == mainThread ? "main thread" : "thread \(thread.systemID) '\(thread.name)'"
            var line = who + (waiting.map { " waiting in \($0)" } ?? " running") + " at " + places[0]
            if places.count > 1 { line += ", called from " + places.dropFirst().joined(separator: " ← ") }
            lines.append(line)
        }
        guard !lines.isEmpty else { return "" }
        let other = elsewhere > 0 ? "\n(\(elsewhere) other thread(s) were not in the chapter's code)" : ""
        return "\n--- where its threads were when it was stopped ---\n" + lines.joined(separator: "\n") + other
    }

    /// The call the thread blocks in: the nearest frame below the chapter's code that
    /// names something a reader knows (a Swift API, a well-known C call).
    static func waitingIn(_ frames: ArraySlice<Frame>) -> String {
        let known = ["_dispatch_semaphore_wait_slow": "DispatchSemaphore.wait()", "_dispatch_group_wait_slow": "DispatchGroup.wait()",
                     "pthread_mutex_lock": "pthread_mutex_lock (a lock)", "___pthread_mutex_lock": "pthread_mutex_lock (a lock)",
                     "__pthread_mutex_lock": "pthread_mutex_lock (a lock)", "pthread_cond_wait": "pthread_cond_wait (a condition)",
                     "___pthread_cond_wait": "pthread_cond_wait (a condition)", "__pthread_cond_wait": "pthread_cond_wait (a condition)",
                     "__pthread_cond_timedwait": "pthread_cond_timedwait (a condition)", "___pthread_cond_timedwait64": "pthread_cond_timedwait (a condition)",
                     "pthread_join": "pthread_join", "___pthread_join": "pthread_join", "__sleep": "sleep", "usleep": "usleep",
                     "__GI___nanosleep": "nanosleep", "__libc_read": "read", "__GI___libc_read": "read", "__libc_write": "write",
                     "__GI___wait4": "waitpid", "__waitpid": "waitpid", "__GI___poll": "poll", "__libc_accept": "accept"]
        for frame in frames.reversed() {
            if let name = known[frame.symbol] { return name }
            if !frame.symbol.hasPrefix("_") && !frame.symbol.hasPrefix("$") && frame.symbol.contains(".")
                && !frame.symbol.contains("closure") && !frame.symbol.contains("thunk") {
                return frame.symbol  // demangled Swift: NSLock.lock(), BlockingQueue.get()
            }
        }
        return frames.last?.symbol ?? "?"
    }

    private static func shortPlace(_ location: String) -> String {
        let parts = location.split(separator: ":")
        guard parts.count >= 2 else { return location }
        return (parts[0].split(separator: "/").last.map(String.init) ?? String(parts[0])) + ":" + parts[1]
    }

    /// Runs a tool from PATH and returns its stdout and stderr ("" if it cannot start).
    private static func run(_ tool: String, _ arguments: [String], work: URL) -> String {
        let log = work.appendingPathComponent("\(tool).txt").path
        guard let child = try? ChildProcess(executable: tool, arguments: arguments,
                                            environment: ProcessInfo.processInfo.environment, output: .file(log)),
              child.wait(timeout: 20) == .exited(0) else { return "" }
        return (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    }
}
