// A parameter is refused where a local variable is accepted.
final class Basket {
    var items: [String] = []
}

actor Store {
    private var kept: [Basket] = []
    func keep(_ basket: Basket) { kept.append(basket) }
}

// ANCHOR: shown
func pass(_ basket: Basket, to store: Store) async {
    await store.keep(basket)             // nothing after this line uses `basket`... here
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: sending 'basket' risks causing data races
// expect-error: sending task-isolated 'basket' to actor-isolated instance method 'keep'
