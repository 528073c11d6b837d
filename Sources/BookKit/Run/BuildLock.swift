import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time in a repository: two builds in one folder would run every stale
/// chapter twice on the same cores (failing timing checks falsely) and write the same
/// files. The lock is `flock` on `.book/build.lock`, which the kernel releases when its
/// holder ends however it ends, so a killed build never leaves it taken. The file says
/// who holds it, so the one who waits can be told for whom.
public final class BuildLock {
    let path: String
    private let descriptor: Int32

    /// Takes the lock, waiting for the build that holds it if there is one; `waiting`
    /// is called once, with a description of that build, before waiting.
    public init(repository: Repository, command: String, waiting: (String) -> Void) throws {
        let folder = repository.root.appendingPathComponent(".book")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("build.lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BookError("cannot open \(path): \(String(cString: strerror(errno)))") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                close(descriptor)
                throw BookError("cannot lock \(path): \(String(cString: strerror(errno)))")
            }
            waiting(Self.holder(atPath: path))
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw BookError("cannot lock \(path): \(String(cString: strerror(errno)))")
                }
            }
        }
        let note = "pid \(getpid()): bookbuilder \(command), started \(Date().formatted(.iso8601))\n"
        ftruncate(descriptor, 0)
        _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Lets the next build go (also done by the kernel when the builder ends).
    public func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// What the lock file says about the build that holds it.
    static func holder(atPath path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "another build" : text
    }
}
