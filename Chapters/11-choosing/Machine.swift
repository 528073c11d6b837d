import Foundation
import Notebook

/// The Python interpreter that runs beside Swift, if this machine has one.
let pythonInterpreter = PythonRunner.find()

// ANCHOR: machine
func machine(_ cell: Cell) {
    print("cores: \(Settings.cores)")
    if let python = pythonInterpreter {
        print("python: \(python.version) at \(python.executable.path)")
    } else {
        print("python: no python3 on PATH; the Python columns are left out")
    }
    // ANCHOR_END: machine
    cell.value("cores", Settings.cores)
    cell.value("python", text: pythonInterpreter?.version ?? "not found")
    cell.value("pages", Settings.pages)
    cell.value("delay", Settings.delaySeconds * 1000, digits: 0, unit: "ms")
    cell.value("threads", Settings.threads)
    cell.value("processes", Settings.processes)
    cell.value("prime-limit", Settings.primeLimit)
    cell.value("python-prime-limit", Settings.pythonPrimeLimit)
    cell.value("prime-chunks", Settings.primeChunks)
    cell.value("cpu-workers", Settings.cpuWorkers)
    cell.value("cpu-rounds", Settings.cpuRounds)
    cell.value("sequential-ideal", Settings.idealFetchTime(concurrency: 1), unit: "s")
}
