import Foundation
import Notebook
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: no-leftovers
func noLeftovers(_ cell: Cell) {
    let children = ProcessTable.children()           // from /proc: nil where there is none
    let segments = SharedMemory.existingSegments()
    print("child processes of pid \(getpid()): \(children.map { "\($0)" } ?? "unknown (no /proc)")")
    print("shared-memory segments of pid \(getpid()): \(segments)")
    // ANCHOR_END: no-leftovers
    #if os(Linux)
    cell.check(children == [], "no child process of this program is running or waiting to be reaped")
    cell.check(segments.isEmpty, "no shared-memory segment of this program is left in /dev/shm")
    #endif
}
