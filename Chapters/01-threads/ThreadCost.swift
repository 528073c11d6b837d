import Foundation
import Notebook
import Primitives

// ANCHOR: thread-cost
func threadCost(_ cell: Cell) throws {
    let count = 200

    // Foundation threads, through JoinableThread: create, start, join, one after another.
    let foundationStart = ContinuousClock.now
    var foundationSum = 0
    for i in 0..<count { foundationSum += JoinableThread(name: "t\(i)") { i }.join() }
    let perFoundationThread = (ContinuousClock.now - foundationStart).seconds
        / Double(count)

    // Bare pthreads: create, start, join, one after another.
    let posixStart = ContinuousClock.now
    var posixSum = 0
    for i in 0..<count { posixSum += try PosixThread { i }.join() }
    let perPosixThread = (ContinuousClock.now - posixStart).seconds / Double(count)

    let stackSize = Thread().stackSize              // what a new thread reserves
    // ANCHOR_END: thread-cost

    let connections = 10_000
    let mebibyte = 1024.0 * 1024.0, gibibyte = 1024 * mebibyte
    let memory = Double(ProcessInfo.processInfo.physicalMemory)
    let reserved = Double(connections * stackSize)
    cell.table("thread-cost", "Cost of one thread, averaged over \(count)", header: ["way", "create + start + join"],
               rows: [["JoinableThread (Foundation Thread + DispatchGroup)", Format.duration(perFoundationThread)],
                      ["PosixThread (pthread_create + pthread_join)", Format.duration(perPosixThread)]])
    print("stack reserved per thread: \(Format.number(Double(stackSize) / mebibyte, digits: 0)) MiB")
    print("\(Format.count(connections)) threads: \(Format.duration(Double(connections) * perFoundationThread)) to start, "
          + "\(Format.number(reserved / gibibyte, digits: 1)) GiB of stack reserved (RAM: \(Format.number(memory / gibibyte, digits: 1)) GiB)")

    cell.value("cost-threads", count)
    cell.value("cost-per-thread-us", perFoundationThread * 1e6, digits: 0, unit: "µs")
    cell.value("cost-per-pthread-us", perPosixThread * 1e6, digits: 0, unit: "µs")
    cell.value("cost-stack-mib", Double(stackSize) / mebibyte, digits: 0, unit: "MiB")
    cell.value("cost-connections", connections)
    cell.value("cost-connections-time", Double(connections) * perFoundationThread, digits: 2, unit: "s")
    cell.value("cost-connections-stack-gib", reserved / gibibyte, digits: 1, unit: "GiB")
    cell.value("cost-ram-gib", memory / gibibyte, digits: 1, unit: "GiB")
    cell.value("cost-stack-vs-ram", reserved / memory, digits: 1, unit: "×")
    let expected = (0..<count).reduce(0, +)
    cell.check(foundationSum == expected && posixSum == expected, "all \(count) threads of each kind ran and were joined")
    for limit in threadLimits() { print("limit: \(limit.name): \(limit.value)") }
    #if canImport(Glibc)
    // glibc gives a new thread a stack as large as the soft RLIMIT_STACK (`ulimit -s`),
    // or a built-in default when that is unlimited.
    var stackLimit = rlimit()
    if getrlimit(__rlimit_resource_t(truncatingIfNeeded: RLIMIT_STACK.rawValue), &stackLimit) == 0 {
        let limited = stackLimit.rlim_cur != rlim_t.max
        cell.value("cost-stack-limit", text: limited ? "\(Format.number(Double(stackLimit.rlim_cur) / mebibyte, digits: 0)) MiB" : "unlimited")
        if limited {
            cell.check(stackSize == Int(stackLimit.rlim_cur),
                       "a new thread reserves a stack as large as RLIMIT_STACK (\(stackSize) bytes)")
        }
    }
    #else
    cell.value("cost-stack-limit", text: "not read on this system")
    #endif
}
