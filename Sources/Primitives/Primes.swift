/// The book's CPU-bound work: counting primes by trial division. Deliberately plain
/// computation, with no I/O and almost no memory traffic, so that only the number of
/// cores working on it decides how fast it goes. Chapters 01, 04, 05 and 11 time it on
/// threads, processes and tasks.
public enum Primes {
    // ANCHOR: count-primes
    /// Whether `n` is prime: try every divisor up to its square root.
    public static func isPrime(_ n: Int) -> Bool {
        guard n >= 2 else { return false }
        var divisor = 2
        while divisor * divisor <= n {
            if n % divisor == 0 { return false }
            divisor += 1
        }
        return true
    }

    /// How many primes are in `range`.
    public static func count(in range: Range<Int>) -> Int {
        range.reduce(0) { count, n in isPrime(n) ? count + 1 : count }
    }
    // ANCHOR_END: count-primes

    /// `0..<limit` cut into `pieces` ranges of (nearly) equal length.
    public static func split(below limit: Int, into pieces: Int) -> [Range<Int>] {
        (0..<pieces).map { i in (limit * i / pieces)..<(limit * (i + 1) / pieces) }
    }
}
