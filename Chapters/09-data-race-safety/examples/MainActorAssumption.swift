// The same wrong assumption about the main actor. On Linux (Swift 6.3.1) the trap
// happens inside libdispatch, which prints nothing; only our own line is shown.
// ANCHOR: shown
import Foundation

let worker = Thread {
    FileHandle.standardError.write(Data("about to assume the main actor on a plain thread\n".utf8))
    MainActor.assumeIsolated {
        print("never printed")
    }
}
worker.start()
sleep(5)
// ANCHOR_END: shown

// expect-trap: about to assume the main actor on a plain thread
