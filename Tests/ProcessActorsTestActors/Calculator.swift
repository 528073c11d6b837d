import Distributed
import Foundation
import ProcessActors
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The actor the ProcessActors tests call, in their worker process and in their own.
/// Each method is one behaviour a test needs: a value, a running total, a slow call,
/// an error that is `Codable` and one that is not, a crash.
public distributed actor Calculator {
    public typealias ActorSystem = ProcessActorSystem

    private var total = 0

    public init(actorSystem: ProcessActorSystem) {
        self.actorSystem = actorSystem
    }

    public distributed func square(_ n: Int) -> Int { n * n }

    /// Adds `n` to the running total and returns the new total.
    public distributed func add(_ n: Int) -> Int {
        total += n
        return total
    }

    public distributed func reset() { total = 0 }

    /// The pid of the process the actor runs in.
    public distributed func processID() -> Int32 { getpid() }

    /// Waits, then returns `tag`: many of these may be in flight at once (the actor
    /// is re-entrant across the `await`).
    public distributed func echo(_ tag: Int, afterMilliseconds milliseconds: Int) async throws -> Int {
        try await Task.sleep(for: .milliseconds(milliseconds))
        return tag
    }

    public distributed func divide(_ dividend: Int, by divisor: Int) throws -> Int {
        guard divisor != 0 else { throw DivisionByZero(dividend: dividend) }
        return dividend / divisor
    }

    public distributed func refuse(_ reason: String) throws {
        throw PlainError(reason: reason)
    }

    /// The length of `text`: a call whose message is as big as its argument.
    public distributed func length(of text: String) -> Int { text.utf8.count }

    public distributed func describe(_ pair: Pair) -> String { "\(pair.name)=\(pair.value)" }

    /// Ends the worker process at once, as a crash would.
    public distributed func crash() { abort() }
}

/// A `Codable` error: it crosses the process boundary as itself.
public struct DivisionByZero: Error, Codable, Equatable {
    public let dividend: Int
    public init(dividend: Int) { self.dividend = dividend }
}

/// An error that is not `Codable`: only its type name and description cross.
public struct PlainError: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { "refused: \(reason)" }
}

public struct Pair: Codable, Sendable {
    public let name: String
    public let value: Int
    public init(name: String, value: Int) {
        self.name = name
        self.value = value
    }
}
