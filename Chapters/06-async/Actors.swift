import Notebook
import Primitives

// ANCHOR: hit-counter
/// Shared mutable state without a lock: the actor runs one call at a time.
actor HitCounter {
    private(set) var hits = 0
    func hit() { hits += 1 }
}

func actorCounter(_ cell: Cell) async {
    let counter = HitCounter()
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<1_000 {
            group.addTask {
                for _ in 0..<10 { await counter.hit() }  // outside the actor: await
            }
        }
    }
    let hits = await counter.hits
    print("1,000 tasks x 10 hits = \(hits)")
// ANCHOR_END: hit-counter
    cell.value("actor-hits", hits)
    cell.check(hits == 10_000, "no lost update: \(hits) == 10,000")
}

// ANCHOR: payment-desk
/// A payment service that answers only once every customer has arrived at the ticket
/// office, so the demo does not depend on timing: each `charge` suspends its caller until
/// the last customer has turned up.
final class PaymentDesk: Sendable {
    private let customers: Int
    private let arrived = Locked(0)
    private let gate = AsyncSemaphore(permits: 0)

    init(customers: Int) { self.customers = customers }

    func arrive() {
        let everyone = arrived.withLock { count in
            count += 1
            return count == customers
        }
        if everyone { for _ in 0..<customers { gate.signal() } }
    }

    func charge() async {
        try? await gate.wait()
    }
}
// ANCHOR_END: payment-desk

// ANCHOR: ticket-office
actor TicketOffice {
    private(set) var seatsLeft: Int
    private(set) var sold = 0
    init(seats: Int) { seatsLeft = seats }

    /// Checks, awaits, then acts on what it checked: the check is stale by then.
    func buyNaively(paying desk: PaymentDesk) async -> Bool {
        desk.arrive()
        guard seatsLeft > 0 else { return false }
        await desk.charge()  // suspension point: other buyers run on this actor meanwhile
        seatsLeft -= 1
        sold += 1
        return true
    }

    /// Changes the state before the await, so no other call sees a seat that is taken.
    func buy(paying desk: PaymentDesk) async -> Bool {
        desk.arrive()
        guard seatsLeft > 0 else { return false }
        seatsLeft -= 1  // reserve first
        await desk.charge()
        sold += 1
        return true
    }
}
// ANCHOR_END: ticket-office

func sellTickets(seats: Int, customers: Int, naive: Bool) async -> (sold: Int, seatsLeft: Int) {
    let office = TicketOffice(seats: seats)
    let desk = PaymentDesk(customers: customers)
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<customers {
            group.addTask { _ = naive ? await office.buyNaively(paying: desk) : await office.buy(paying: desk) }
        }
    }
    return (await office.sold, await office.seatsLeft)
}

func reentrancy(_ cell: Cell) async {
    // ANCHOR: reentrancy
    let naive = await sellTickets(seats: 3, customers: 5, naive: true)
    print("check, await, act:  sold \(naive.sold) of 3 seats, seats left \(naive.seatsLeft)")
    let fixed = await sellTickets(seats: 3, customers: 5, naive: false)
    print("act before awaiting: sold \(fixed.sold) of 3 seats, seats left \(fixed.seatsLeft)")
    // ANCHOR_END: reentrancy
    cell.value("naive-sold", naive.sold)
    cell.value("naive-seats-left", naive.seatsLeft)
    cell.value("fixed-sold", fixed.sold)
    cell.check(naive.sold == 5 && naive.seatsLeft == -2,
               "the naive actor sold all 5 customers 3 seats (seats left \(naive.seatsLeft))")
    cell.check(fixed.sold == 3 && fixed.seatsLeft == 0, "the fixed actor sold exactly 3 seats")
}
