/// A range of numbers whose primes one job counts: `lower..<upper`. Codable, so a
/// process pool can send it to a worker.
struct PrimeChunk: Codable, Sendable {
    let lower: Int
    let upper: Int

    /// `count` consecutive chunks covering `0..<limit`.
    static func split(below limit: Int, into count: Int) -> [PrimeChunk] {
        (0..<count).map { PrimeChunk(lower: limit * $0 / count, upper: limit * ($0 + 1) / count) }
    }
}

// ANCHOR: primes
/// Counts the primes in the chunk by trial division: slow on purpose, and all CPU.
/// (`python/showdown.py` runs the same loop.)
func countPrimes(in chunk: PrimeChunk) -> Int {
    (chunk.lower..<chunk.upper).count(where: isPrime)
}

func isPrime(_ n: Int) -> Bool {
    if n < 2 { return false }
    if n < 4 { return true }
    if n % 2 == 0 { return false }
    var divisor = 3
    while divisor * divisor <= n {
        if n % divisor == 0 { return false }
        divisor += 2
    }
    return true
}
// ANCHOR_END: primes
