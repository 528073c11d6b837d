// A @preconcurrency conformance: the compiler lets a Studio-isolated method satisfy a
// nonisolated requirement, and inserts a run-time check instead (SE-0423). Old code
// then calls it from a plain thread. Built three ways in the chapter: Swift 6 mode and
// Swift 5 mode with DynamicActorIsolation (the check traps), plain Swift 5 mode (no check).
// ANCHOR: shown
import Foundation

@globalActor actor Studio {
    static let shared = Studio()
}

/// An old protocol, from before actors: nothing says where `changed()` runs.
protocol Listener: Sendable {
    func changed()
}

@Studio final class Meter {
    var readings = 0
}

extension Meter: @preconcurrency Listener {
    func changed() { readings += 1 }
}

/// Old code: calls its listener on a thread of its own, and waits (at most 10 s) for it.
func notify(_ listener: any Listener) {
    let done = DispatchSemaphore(value: 0)
    Thread {
        listener.changed()
        done.signal()
    }.start()
    _ = done.wait(timeout: .now() + 10)
}

@Studio func makeMeter() -> Meter { Meter() }

let meter = await makeMeter()
FileHandle.standardError.write(Data("notifying from a plain thread\n".utf8))
notify(meter)
print("no check stopped it: readings is \(await meter.readings), changed off the Studio actor")
// ANCHOR_END: shown

// expect-trap: notifying from a plain thread
// expect-trap: Incorrect actor executor assumption; expected 'example.Studio' executor.
// expect-output: no check stopped it: readings is 1, changed off the Studio actor
