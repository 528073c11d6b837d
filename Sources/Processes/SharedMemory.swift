import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A named segment of memory that several processes map at once (Python's
/// `multiprocessing.Value`/`Array` and `shared_memory`, which are built the same way).
///
/// `shm_open` creates a named object (on Linux a file in `/dev/shm`), `ftruncate` gives it
/// a size, and `mmap(MAP_SHARED)` maps it: a store by one process is seen by every process
/// that mapped the same name. The name outlives every process until `unlink()` removes it,
/// so the creator must unlink it, in a `defer`, even when something fails.
///
///     let segment = try SharedMemory(creating: SharedMemory.uniqueName("counter"), size: 8)
///     defer { segment.unlink() }
///     // a child: try SharedMemory(opening: name)
public final class SharedMemory: @unchecked Sendable {
    // @unchecked: the class only hands out a pointer; what is stored there, and how
    // concurrent access to it is made safe (an atomic, a lock), is the user's business.

    /// The segment's name, starting with "/" (the file `/dev/shm/<name without />`).
    public let name: String
    /// The size in bytes.
    public let size: Int
    /// The start of this process's mapping. It is valid only while this object lives:
    /// its `deinit` unmaps the memory, and an optimised build may release an object
    /// right after its last use. Keep the object alive while using the pointer, with
    /// `withExtendedLifetime(segment) { ... }` or a later use such as a deferred `unlink()`.
    public let pointer: UnsafeMutableRawPointer

    /// Creates a new segment of `size` zeroed bytes; fails if `name` exists already.
    public convenience init(creating name: String, size: Int) throws {
        try self.init(name: name, size: size, create: true)
    }

    /// Maps an existing segment created by another process.
    public convenience init(opening name: String) throws {
        try self.init(name: name, size: nil, create: false)
    }

    // ANCHOR: open-map
    private init(name: String, size: Int?, create: Bool) throws {
        let descriptor = Self.openObject(name, flags: create ? O_CREAT | O_EXCL | O_RDWR : O_RDWR)
        guard descriptor >= 0 else { throw SharedMemoryError.failed("shm_open \(name)", errno) }
        // The mapping keeps the memory; the descriptor is not needed after mmap.
        defer { close(descriptor) }
        var length = size ?? 0
        if create {
            guard ftruncate(descriptor, off_t(length)) == 0 else {
                let code = errno
                Self.removeObject(name)
                throw SharedMemoryError.failed("ftruncate", code)
            }
        } else {
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw SharedMemoryError.failed("fstat", errno) }
            length = Int(info.st_size)
        }
        let mapped = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else {
            let code = errno
            if create { Self.removeObject(name) }
            throw SharedMemoryError.failed("mmap", code)
        }
        self.name = name
        self.size = length
        self.pointer = mapped
    }

    /// Opens (or with `O_CREAT`, creates) the named object, readable and writable by this
    /// user only.
    private static func openObject(_ name: String, flags: Int32) -> Int32 {
        #if canImport(Glibc)
        return shm_open(name, flags, 0o600)
        #else
        // Darwin declares `shm_open` variadic (`int shm_open(const char *, int, ...)`), and
        // Swift cannot call variadic C functions. There the object is a file of the same
        // name in /tmp, mapped the same way; Swift's Darwin overlay wraps `open` without
        // the variadic part. This branch is untested: the book is built and run on Linux.
        return open("/tmp" + name, flags, 0o600)
        #endif
    }

    /// Removes the name; 0 on success.
    @discardableResult
    private static func removeObject(_ name: String) -> Int32 {
        #if canImport(Glibc)
        return shm_unlink(name)
        #else
        return Darwin.unlink("/tmp" + name)
        #endif
    }
    // ANCHOR_END: open-map

    deinit {
        munmap(pointer, size)
    }

    /// Removes the name: no new process can open it, and the memory is freed once the
    /// last mapping is gone. Returns false if it was already gone.
    @discardableResult
    public func unlink() -> Bool {
        Self.removeObject(name) == 0
    }

    /// A name no other run can be using: a label, this process's pid and a counter.
    public static func uniqueName(_ label: String) -> String {
        "/\(namePrefix)\(label)-\(getpid())-\(nextNumber())"
    }

    /// Names created by `uniqueName` start with this (after the slash).
    public static let namePrefix = "swiftbook-"

    /// The segments in `/dev/shm` created by `uniqueName` in process `pid` (Linux).
    public static func existingSegments(ofProcess pid: Int32 = getpid()) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/shm")) ?? []
        return files.filter { $0.hasPrefix(namePrefix) && $0.contains("-\(pid)-") }.sorted()
    }

    private static let issued = Atomic<Int>(0)
    private static func nextNumber() -> Int {
        issued.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
