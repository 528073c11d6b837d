import Foundation
import Notebook
import Primitives

/// The number of cores this program may use: the physical limit of every speedup in
/// this chapter. Not `activeProcessorCount`, which on Linux counts the CPUs online and
/// ignores the affinity mask (`taskset`) and a container's CPU limit.
let cores = UsableCores.count

// ANCHOR: machine
func machine(_ cell: Cell) {
    print("cores this program may use: \(cores)")
    print("cores online:               \(ProcessInfo.processInfo.activeProcessorCount)")
    print("cores the machine has:      \(ProcessInfo.processInfo.processorCount)")
    // ANCHOR_END: machine
    cell.value("cores", cores)
    cell.value("arithmetic-slice-ms", ArithmeticJob.sliceSeconds * 1000, digits: 0, unit: "ms")
}
