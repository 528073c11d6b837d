import Foundation
import Processes
import Synchronization
import Testing

@Suite struct SharedMemoryTests {
    @Test func anAtomicInTheMappingCountsExactlyAcrossProcesses() throws {
        let name = SharedMemory.uniqueName("test-atomic")
        try countWithFourProcesses(in: name)
        #expect(!SharedMemory.existingSegments().contains(String(name.dropFirst())), "unlinked afterwards")
    }

    private func countWithFourProcesses(in name: String) throws {
        let segment = try SharedMemory(creating: name, size: MemoryLayout<Atomic<Int>>.size)
        defer { segment.unlink() }
        segment.pointer.initializeMemory(as: Atomic<Int>.self, to: Atomic(0))
        let children = try (0..<4).map { _ in
            try ChildProcess(role: "shm-add", arguments: [name, "20000", "atomic"], executable: TestWorker.url)
        }
        defer { children.forEach { $0.stop() } }
        for child in children { #expect(child.wait(timeout: .seconds(20)) == .exited(code: 0)) }
        let counter = segment.pointer.assumingMemoryBound(to: Atomic<Int>.self)
        #expect(counter.pointee.load(ordering: .relaxed) == 80_000)
    }

    @Test func aStoreIsSeenThroughASecondMapping() throws {
        let name = SharedMemory.uniqueName("test-two-maps")
        let first = try SharedMemory(creating: name, size: 4096)
        defer { first.unlink() }
        let second = try SharedMemory(opening: name)
        #expect(second.size == 4096)
        first.pointer.storeBytes(of: 42, as: Int.self)
        #expect(second.pointer.load(as: Int.self) == 42)
    }

    @Test func unlinkRemovesTheSegmentFromDevShm() throws {
        let name = SharedMemory.uniqueName("test-unlink")
        let file = String(name.dropFirst())
        let segment = try SharedMemory(creating: name, size: 64)
        #if os(Linux)
        #expect(SharedMemory.existingSegments().contains(file))
        #endif
        #expect(segment.unlink())
        #expect(!segment.unlink(), "a second unlink finds nothing")
        #expect(!SharedMemory.existingSegments().contains(file))
        #expect(throws: SharedMemoryError.failed("shm_open \(name)", ENOENT)) { try SharedMemory(opening: name) }
    }

    @Test func creatingAnExistingNameFails() throws {
        let name = SharedMemory.uniqueName("test-exclusive")
        let segment = try SharedMemory(creating: name, size: 64)
        defer { segment.unlink() }
        #expect(throws: SharedMemoryError.failed("shm_open \(name)", EEXIST)) {
            try SharedMemory(creating: name, size: 64)
        }
    }
}
