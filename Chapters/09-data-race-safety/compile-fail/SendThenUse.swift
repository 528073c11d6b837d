// The same hand-off as in the chapter, but the basket is used after it was sent.
final class Basket {
    var items: [String] = []
}

actor Store {
    private var kept: [Basket] = []
    func keep(_ basket: Basket) { kept.append(basket) }
}

// ANCHOR: shown
func fillAndHandOver(to store: Store) async {
    let basket = Basket()
    basket.items.append("apple")
    await store.keep(basket)
    basket.items.append("pear")          // the store may be reading it right now
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: sending 'basket' risks causing data races
// expect-error: risks causing data races between actor-isolated and local nonisolated uses
// expect-error: access can happen concurrently
