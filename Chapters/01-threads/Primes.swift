import Primitives

/// Trial division: deliberately plain CPU work, with no memory traffic to speak of.
func isPrime(_ n: Int) -> Bool {
    if n < 2 { return false }
    var divisor = 2
    while divisor * divisor <= n {
        if n % divisor == 0 { return false }
        divisor += 1
    }
    return true
}

// ANCHOR: count-primes
/// Counts the primes below `limit` on `threads` threads. The numbers are dealt out in
/// blocks, round robin (block 0 to thread 0, block 1 to thread 1, ...), so that every
/// thread gets a fair share of the large, slower-to-test numbers.
func countPrimes(below limit: Int, threads: Int, blockSize: Int = 10_000) -> Int {
    let workers = (0..<threads).map { index in
        JoinableThread(name: "primes-\(index + 1)") {
            var count = 0
            let myBlocks = stride(from: index * blockSize, to: limit, by: threads * blockSize)
            for blockStart in myBlocks {
                let blockEnd = min(blockStart + blockSize, limit)
                for n in blockStart..<blockEnd where isPrime(n) { count += 1 }
            }
            return count
        }
    }
    return workers.map { $0.join() }.reduce(0, +)
}
// ANCHOR_END: count-primes
