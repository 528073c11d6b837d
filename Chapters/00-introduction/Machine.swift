import Foundation
import Notebook

/// The number of cores this program may use: the physical limit of every speedup in
/// this chapter.
let cores = ProcessInfo.processInfo.activeProcessorCount

// ANCHOR: machine
func machine(_ cell: Cell) {
    print("cores this program may use: \(cores)")
    print("cores the machine has:      \(ProcessInfo.processInfo.processorCount)")
    // ANCHOR_END: machine
    cell.value("cores", cores)
    cell.value("arithmetic-slice-ms", ArithmeticJob.sliceSeconds * 1000, digits: 0, unit: "ms")
}
