// The caller's side of a `sending` parameter: the value is gone once it is passed.
// ANCHOR: shown
final class Basket {
    var items: [String] = []
}

actor Store {
    private var kept: [Basket] = []
    func keep(_ basket: Basket) { kept.append(basket) }
}

func pass(_ basket: sending Basket, to store: Store) async {
    await store.keep(basket)
}

func fillAndPass(to store: Store) async {
    let basket = Basket()
    await pass(basket, to: store)
    basket.items.append("pear")          // given away one line ago
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: sending 'basket' risks causing data races
// expect-error: 'basket' used after being passed as a 'sending' parameter; Later uses could race
// expect-error: [#SendingRisksDataRace]
