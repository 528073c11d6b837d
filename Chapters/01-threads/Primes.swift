import Primitives

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
                count += Primes.count(in: blockStart..<blockEnd)
            }
            return count
        }
    }
    return workers.map { $0.join() }.reduce(0, +)
}
// ANCHOR_END: count-primes
