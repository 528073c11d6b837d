import Distributed
import ProcessActors
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ANCHOR: counter
/// A counter that may live in this process or in another one. Only `distributed`
/// methods can be called from outside; their parameters and results must be `Codable`
/// (the actor system's serialization requirement), and the compiler checks both.
distributed actor Counter {
    typealias ActorSystem = ProcessActorSystem

    private var count = 0

    /// Adds `amount` and returns the new count.
    distributed func increment(by amount: Int) -> Int {
        count += amount
        return count
    }

    /// The pid of the process this actor runs in.
    distributed func processID() -> Int32 {
        getpid()
    }

    /// Waits `milliseconds` (without blocking a thread), then says where it ran.
    distributed func work(milliseconds: Int) async throws -> Int32 {
        try await Task.sleep(for: .milliseconds(milliseconds))
        return getpid()
    }

    /// Shares `count` among `people`; nobody to share with is an error.
    distributed func share(among people: Int) throws -> Int {
        guard people > 0 else { throw NobodyToShareWith(count: count) }
        return count / people
    }

    /// Resets the count, for the right password only.
    distributed func reset(password: String) throws {
        guard password == "swordfish" else { throw WrongPassword(attempt: password) }
        count = 0
    }
}
// ANCHOR_END: counter

// ANCHOR: errors
/// `Codable`: crosses the process boundary as itself.
struct NobodyToShareWith: Error, Codable, Equatable {
    let count: Int
}

/// Not `Codable`: only its type's name and its description reach the caller.
struct WrongPassword: Error, CustomStringConvertible {
    let attempt: String
    var description: String { "wrong password '\(attempt)'" }
}
// ANCHOR_END: errors
