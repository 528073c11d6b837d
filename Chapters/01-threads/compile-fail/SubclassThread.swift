// Python's other way to make a thread: subclass it and override run().
// On Linux, Foundation's Thread cannot be subclassed from Swift at all.
// expect-error: cannot inherit from class 'Thread'
import Foundation

// ANCHOR: shown
final class Downloader: Thread {
    let url: String

    init(url: String) {
        self.url = url
        super.init()
    }

    override func main() {
        print("downloading \(url) on \(Thread.current)")
    }
}

let downloader = Downloader(url: "http://127.0.0.1:8080/")
downloader.start()
// ANCHOR_END: shown
