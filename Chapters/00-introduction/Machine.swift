import Foundation
import Notebook
import Primitives

/// The number of cores this program may use: the physical limit of every speedup in
/// this chapter.
let cores = ProcessInfo.processInfo.activeProcessorCount

/// The load average when the chapter started, before its own threads added to it.
let loadAtStart = SystemLoad.oneMinuteAverage()

// ANCHOR: machine
func machine(_ cell: Cell) {
    print("cores this program may use: \(cores)")
    print("cores the machine has:      \(ProcessInfo.processInfo.processorCount)")
    // How many threads, on average over the last minute, wanted a core. Above the core
    // count, other programs compete with this chapter's timings.
    if let load = loadAtStart {
        print("load average (1 minute):    \(Format.number(load))")
    }
    // ANCHOR_END: machine
    cell.value("cores", cores)
    cell.value("arithmetic-slice-ms", ArithmeticJob.sliceSeconds * 1000, digits: 0, unit: "ms")
    if let load = loadAtStart {
        cell.value("load-average", load)
    } else {
        cell.value("load-average", text: "unknown")
    }
}
