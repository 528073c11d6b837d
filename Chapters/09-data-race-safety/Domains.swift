import Notebook

// ANCHOR: studio
/// A global actor of our own: one shared actor instance, usable as an attribute
/// (`@Studio func mix()`), just as `@MainActor` is.
@globalActor
actor Studio {
    static let shared = Studio()
}
// ANCHOR_END: studio

// ANCHOR: account
/// An actor instance is a domain of its own: each `Account` guards its balance.
actor Account {
    let owner: String                    // a `let` of a Sendable type: readable without await
    private(set) var balance = 0

    init(owner: String) { self.owner = owner }

    func deposit(_ amount: Int) { balance += amount }

    /// `nonisolated`: not part of the actor's domain, so callers need no `await`;
    /// in exchange it may touch only what is safe from anywhere (here, a `let`).
    nonisolated var label: String { "account of \(owner)" }
}
// ANCHOR_END: account

// ANCHOR: isolation-name
/// Names the domain the *caller* is in. `#isolation` is filled in at each call site with
/// the caller's actor (or `nil`); an `isolated` parameter makes this function run there.
func domainName(_ isolation: isolated (any Actor)? = #isolation) -> String {
    guard let isolation else { return "nonisolated" }
    if isolation === MainActor.shared { return "MainActor" }
    if isolation === Studio.shared { return "Studio" }
    return "an \(type(of: isolation)) instance"
}

@MainActor func onTheMainActor() -> String {
    MainActor.preconditionIsolated()     // traps unless this really runs on the main actor
    return domainName()
}

@Studio func onTheStudio() -> String {
    Studio.preconditionIsolated()
    return domainName()
}

extension Account {
    func insideTheAccount() -> String {
        preconditionIsolated()            // this actor instance, not just "some actor"
        return domainName()
    }
}

/// A plain async function. In this book's build (Swift 6 mode, no upcoming features) it
/// runs on the global pool, whoever calls it; see "Swift 6.2's defaults" below.
func offEveryActor() async -> String { domainName() }
// ANCHOR_END: isolation-name

// ANCHOR: domains
@MainActor
func isolationDomains(_ cell: Cell) async {
    let account = Account(owner: "Ada")
    print(account.label)                 // nonisolated member: no await
    await account.deposit(10)            // into the actor's domain: await
    let balance = await account.balance  // reading its state from outside: await too

    let seen = [
        "@MainActor function": onTheMainActor(),       // same domain as this cell: no await
        "@Studio function": await onTheStudio(),
        "actor method": await account.insideTheAccount(),
        "plain async function": await offEveryActor(),
    ]
    for (function, domain) in seen.sorted(by: { $0.key < $1.key }) {
        print("\(function) ran in: \(domain)")
    }
    print("and this cell, marked @MainActor, runs in: \(domainName())")
    cell.check(balance == 10, "the deposit reached the actor (balance \(balance))")
    cell.check(seen["@MainActor function"] == "MainActor", "the @MainActor function ran on the main actor")
    cell.check(seen["@Studio function"] == "Studio", "the @Studio function ran on the Studio global actor")
    cell.check(seen["actor method"] == "an Account instance", "the actor method ran on its own Account")
    cell.check(seen["plain async function"] == "nonisolated", "the plain async function ran on no actor")
    cell.check(domainName() == "MainActor", "#isolation in a @MainActor cell is the main actor")
}
// ANCHOR_END: domains
