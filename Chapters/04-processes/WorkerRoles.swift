import Foundation
import Primitives
import Processes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: run-worker
/// Plays worker role `role` and ends the process. Every role this chapter starts is here.
func runWorker(_ role: String) -> Never {
    let arguments = WorkerRole.extraArguments()
    switch role {
    case "greet": greet()
    case "sleeper": sleeper()
    case "fork-hazard": forkInAThreadedProcess()
    case "shout": shout()
    case "mumble": mumble()
    case "flood": flood(bytes: Int(arguments.first ?? "") ?? 0)
    case "slow-square": WorkerLoop.serve(slowSquare)
    case "fragile": WorkerLoop.serve(fragileSquare)
    case "count-primes": WorkerLoop.serve(Primes.count(in:))
    case "shm-add": addInSharedMemory(arguments)
    case "exit-now": exit(0)
    case "guardian": guardian()
    case "exercise-1": WorkerLoop.serve(exercise1Job)
    case "exercise-2": WorkerLoop.serve(exercise2Job)
    case "exercise-3": exercise3Worker(arguments)
    default:
        FileHandle.standardError.write(Data("unknown worker role '\(role)'\n".utf8))
        exit(64)
    }
}
// ANCHOR_END: run-worker

// ANCHOR: greet
/// Says who it is, then exits with code 3 (any code the parent can recognise).
func greet() -> Never {
    print("worker: I am pid \(getpid()), started by pid \(getppid())")
    exit(3)
}
// ANCHOR_END: greet

/// Sleeps for a long time: the parent stops it first.
func sleeper() -> Never {
    WorkerLoop.exitWhenOrphaned()
    Thread.sleep(forTimeInterval: 30)
    exit(0)
}
