// A @preconcurrency conformance: the compiler lets a Studio-isolated method satisfy a
// nonisolated requirement, and inserts a run-time check instead (SE-0423). Old code
// then calls it from a plain thread.
// expect-trap: notifying from a plain thread
// expect-trap: Incorrect actor executor assumption; expected 'example.Studio' executor.
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

/// Old code: calls its listeners on a thread of its own.
func notify(_ listener: any Listener) {
    Thread { listener.changed() }.start()
}

@Studio func makeMeter() -> Meter { Meter() }

let meter = await makeMeter()
FileHandle.standardError.write(Data("notifying from a plain thread\n".utf8))
notify(meter)
sleep(5)
// ANCHOR_END: shown
