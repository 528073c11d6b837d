import Notebook

// ANCHOR: own-a-thread
func owningAThread(_ cell: Cell) {
    let tickers = [Ticker(name: "tick", ticks: 3), Ticker(name: "tock", ticks: 3)]
    let running = tickers.map { $0.start() }
    let total = running.map { $0.join() }.reduce(0, +)
    print("ticks counted: \(total)")
    // ANCHOR_END: own-a-thread

    cell.check(total == 6, "both tickers ran to the end: 6 ticks")
}
