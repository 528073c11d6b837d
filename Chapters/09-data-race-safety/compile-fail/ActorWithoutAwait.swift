// Calling into an actor from synchronous code: there is no way to wait for the actor.
// ANCHOR: shown
actor Account {
    var balance = 0
    func deposit(_ amount: Int) { balance += amount }
}

func payDay(_ account: Account) {
    account.deposit(100)
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: call to actor-isolated instance method 'deposit' in a synchronous nonisolated context
