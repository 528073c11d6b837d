import Foundation

/// This process's descriptors for TCP sockets on 127.0.0.1:`port` (either end), found the
/// way `lsof` does: `/proc/net/tcp` maps each socket to its inode, `/proc/self/fd/N`
/// links to `socket:[inode]`. Counting only sockets on the test's own port keeps the
/// count exact while other tests, in parallel, open and close descriptors of their own.
/// `nil` without `/proc` (macOS).
func openSockets(onPort port: Int) -> Int? {
    guard let table = readWholeFile("/proc/net/tcp"),
          let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
    else { return nil }
    let hexPort = String(format: "%04X", port)
    var inodes = Set<String>()
    for line in table.split(separator: "\n").dropFirst() {
        let fields = line.split(separator: " ")
        guard fields.count > 9 else { continue }
        if fields[1].hasSuffix(":" + hexPort) || fields[2].hasSuffix(":" + hexPort) { inodes.insert(String(fields[9])) }
    }
    return descriptors.count { name in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)"),
              target.hasPrefix("socket:[") else { return false }
        return inodes.contains(String(target.dropFirst(8).dropLast()))
    }
}

/// Waits up to `limit` for `condition`, checking every 10 ms: closing happens on other
/// threads a moment after the tasks that did it have ended.
func eventually(within limit: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// The whole of a file, read with `read(2)` until end of file. Foundation's
/// `String(contentsOfFile:)` stops after the first 4 KiB of a `/proc` file (seen on Linux
/// with Swift 6.3.1: `/proc/net/tcp` of 98 KB came back as 4,050 bytes).
func readWholeFile(_ path: String) -> String? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        let count = read(descriptor, &chunk, chunk.count)
        guard count > 0 else { break }
        bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}
