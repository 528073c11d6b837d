// One thread writes a plain value and raises a flag; another waits for the flag and
// reads the value. Done with `.releasing` / `.acquiring`, the flag orders the value:
// no report. Done with `.relaxed`, nothing orders it, and ThreadSanitizer reports the
// race on `message` (in `relaxedHandOver`). Compiled with `swiftc -swift-version 6 -Onone -sanitize=thread`.
// expect-report: release/acquire: read 42
// expect-report: data race
// expect-report: relaxedHandOver
// expect-report: relaxed: read 42
// expect-no-report-in: releaseAcquireHandOver
import Foundation
import Synchronization

// ANCHOR: shown
/// A plain value and two flags. `@unchecked Sendable`: the flags, not the compiler,
/// are supposed to keep `message` and `seen` safe.
final class Mailbox: @unchecked Sendable {
    var message = 0
    var seen = 0
    let ready = Atomic<Bool>(false)
    let done = Atomic<Bool>(false)
}

func releaseAcquireHandOver() -> Int {
    let box = Mailbox()
    Thread.detachNewThread {
        while !box.ready.load(ordering: .acquiring) {}     // sees everything written before the release
        box.seen = box.message
        box.done.store(true, ordering: .releasing)
    }
    box.message = 42
    box.ready.store(true, ordering: .releasing)            // publishes `message`
    while !box.done.load(ordering: .acquiring) { usleep(1_000) }
    return box.seen
}

func relaxedHandOver() -> Int {
    let box = Mailbox()
    Thread.detachNewThread {
        while !box.ready.load(ordering: .relaxed) {}       // sees the flag, nothing more is promised
        box.seen = box.message
        box.done.store(true, ordering: .releasing)
    }
    box.message = 42
    box.ready.store(true, ordering: .relaxed)              // publishes nothing
    while !box.done.load(ordering: .acquiring) { usleep(1_000) }
    return box.seen
}

print("release/acquire: read \(releaseAcquireHandOver())")
fflush(nil)                                   // before the report the relaxed version causes
print("relaxed: read \(relaxedHandOver())")
// ANCHOR_END: shown
