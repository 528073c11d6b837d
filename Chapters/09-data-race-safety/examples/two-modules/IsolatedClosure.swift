// Swift 6 code hands a closure isolated to the Studio actor to the Swift 5 module, which
// calls it from a plain thread. The compiler put a check into the closure (SE-0423).
// ANCHOR: shown
import Foundation
import OldCallbacks

@globalActor actor Studio {
    static let shared = Studio()
}

@Studio final class Meter {
    var readings = 0

    func listen() {
        // The closure is formed on the Studio actor and touches its state: it is isolated to Studio.
        callLater { self.readings += 1 }
    }
}

let meter = Meter()
FileHandle.standardError.write(Data("handing a Studio closure to Swift 5 code\n".utf8))
await meter.listen()
sleep(5)
// ANCHOR_END: shown

// library: OldCallbacks.swift -swift-version 5
// expect-trap: handing a Studio closure to Swift 5 code
// expect-trap: Incorrect actor executor assumption; expected 'example.Studio' executor.
