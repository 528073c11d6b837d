import Foundation
import Processes

// Reference solutions to this chapter's exercises. The test suite runs each against the
// same checks as your code (`swift run chapter-04 exercise N solution`).
enum Solutions {
    // ANCHOR: solution-1
    static func vowelCount(_ word: String) -> Int {
        word.lowercased().filter { "aeiou".contains($0) }.count
    }
    // ANCHOR_END: solution-1

    // ANCHOR: solution-2
    /// Input 2 takes 400 ms and input 3 takes 600 ms: 500 ms lies halfway, with room on
    /// both sides for a worker that starts late on a busy machine. The map takes longer
    /// than 400 ms because inputs 3 to 5 each run until the timeout kills their worker,
    /// and the pool starts a replacement before the next input.
    static let slowInputTimeout: Duration = .milliseconds(500)
    // ANCHOR_END: solution-2

    // ANCHOR: solution-3
    static func writeOwnPid(segmentName: String, slot: Int) {
        guard let segment = try? SharedMemory(opening: segmentName) else { exit(66) }
        // The mapping lives as long as `segment`: keep it alive while the pointer is used.
        withExtendedLifetime(segment) {
            let slots = segment.pointer.bindMemory(to: Int32.self, capacity: 4)
            slots[slot] = getpid()   // each worker writes only its own slot: no race
        }
    }
    // ANCHOR_END: solution-3
}
