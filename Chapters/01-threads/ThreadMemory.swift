import Foundation
import Notebook
import Primitives

// ANCHOR: thread-memory
func threadMemory(_ cell: Cell) throws {
    let count = 100
    cell.value("memory-threads", count)
    guard let before = ProcessMemory.current() else {
        print("no /proc on this system: nothing to measure")
        cell.value("memory-reserved-per-thread", text: "n/a")
        cell.value("memory-resident-per-thread", text: "n/a")
        return
    }
    // 100 threads that stay alive, parked at a gate, while we look at the process.
    let arrived = DispatchSemaphore(value: 0), gate = DispatchSemaphore(value: 0)
    let parked = (0..<count).map { i in
        JoinableThread(name: "parked-\(i)") { arrived.signal(); gate.wait() }
    }
    for _ in parked { arrived.wait() }                  // all of them are running now
    let during = ProcessMemory.current()!
    for _ in parked { gate.signal() }
    for thread in parked { thread.join() }

    let reservedPerThread = Double(during.reservedBytes - before.reservedBytes) / Double(count)
    let residentPerThread = Double(during.residentBytes - before.residentBytes) / Double(count)
    let reservedMiB = Format.number(reservedPerThread / 1_048_576, digits: 1)
    let residentKiB = Format.number(residentPerThread / 1024, digits: 0)
    print("\(count) parked threads, per thread: address space reserved +\(reservedMiB) MiB,",
          "memory in use +\(residentKiB) KiB")
    // ANCHOR_END: thread-memory

    cell.value("memory-reserved-per-thread", reservedPerThread / 1_048_576, digits: 1, unit: "MiB")
    cell.value("memory-resident-per-thread", residentPerThread / 1024, digits: 0, unit: "KiB")
    cell.check(reservedPerThread > 4 * 1_048_576, "each parked thread added megabytes of reserved address space")
    cell.check(residentPerThread < 1_048_576, "each parked thread added less than 1 MiB of memory in use")
}
