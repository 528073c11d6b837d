import Foundation
import Notebook
import Primitives

func overRelease(_ cell: Cell) {
    // ANCHOR: over-release
    let plain = DispatchSemaphore(value: 2)
    plain.wait()
    plain.signal()
    plain.signal()  // a bug: one signal too many, and nothing complains
    var taken = 0
    while plain.wait(timeout: .now()) == .success { taken += 1 }
    print("DispatchSemaphore(value: 2) after one extra signal lets \(taken) holders in")
    for _ in 0..<taken { plain.signal() }  // put the permits back before it is released

    let bounded = BoundedSemaphore(limit: 2)
    bounded.acquire()
    var report = "no error"
    do {
        try bounded.release()
        try bounded.release()  // the same bug
    } catch {
        report = "\(error)"
    }
    print("BoundedSemaphore(limit: 2), the same extra release: \(report); free permits: \(bounded.availablePermits)")
    // ANCHOR_END: over-release
    cell.value("plain-holders", taken)
    cell.check(taken == 3, "the extra signal silently raised the limit from 2 to \(taken)")
    cell.check(report.contains("released more times than acquired") && bounded.availablePermits == 2,
               "BoundedSemaphore reported the over-release and kept its limit of 2")
}
