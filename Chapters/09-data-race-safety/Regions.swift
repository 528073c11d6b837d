import Notebook

// ANCHOR: basket
/// Not Sendable: a class with a `var`, and no lock.
final class Basket {
    var items: [String] = []
}

actor Store {
    private var kept: [Basket] = []

    func keep(_ basket: Basket) { kept.append(basket) }
    var itemCount: Int { kept.reduce(0) { $0 + $1.items.count } }
}
// ANCHOR_END: basket

// ANCHOR: hand-over-local
/// The basket is made here and never used after it is handed over: the compiler can
/// prove that nothing on this side still holds it, so the hand-off is safe.
func fillAndHandOver(to store: Store) async {
    let basket = Basket()
    basket.items.append("apple")
    basket.items.append("pear")
    await store.keep(basket)
}
// ANCHOR_END: hand-over-local

// ANCHOR: sending-parameter
/// `sending`: the caller gives the basket away, so inside, it is ours to hand on.
func pass(_ basket: sending Basket, to store: Store) async {
    await store.keep(basket)
}
// ANCHOR_END: sending-parameter

// ANCHOR: hand-over
func handOver(_ cell: Cell) async {
    let store = Store()
    await fillAndHandOver(to: store)
    let fresh = Basket()
    fresh.items.append("plum")
    await pass(fresh, to: store)        // `fresh` is not used after this line
    let count = await store.itemCount
    print("the store holds \(count) items")
    cell.check(count == 3, "both baskets reached the store (\(count) items)")
}
// ANCHOR_END: hand-over

// ANCHOR: editor
/// An actor can return a non-Sendable value when it marks the result `sending`: the
/// compiler checks that the actor keeps no reference to it, so the caller owns it alone.
actor Editor {
    /// What the caller may read instead of an object: a Sendable summary.
    private(set) var opened = 0

    func newDraft(titled title: String) -> sending Draft {
        opened += 1
        return Draft(title: title)
    }
}

final class Draft {
    var title: String
    var lines: [String] = []
    init(title: String) { self.title = title }
}

/// The third fix: a Sendable type needs no `sending`. A struct crosses as a copy.
struct Note: Sendable {
    var title: String
    var lines: [String] = []
}

extension Editor {
    func newNote(titled title: String) -> Note {
        Note(title: title)
    }
}
// ANCHOR_END: editor

// ANCHOR: sending-result
func sendingResult(_ cell: Cell) async {
    let editor = Editor()
    let draft = await editor.newDraft(titled: "notes")
    draft.lines.append("first line")          // ours now: change it freely
    let opened = await editor.opened          // an Int: Sendable, crosses freely
    var note = await editor.newNote(titled: "todo")
    note.lines.append("a copy, changed here only")
    print("\(draft.title): \(draft.lines); drafts opened: \(opened); \(note.title): \(note.lines)")
    cell.check(note.lines.count == 1, "the Sendable struct came out as a copy the caller may change")
    cell.check(draft.lines == ["first line"], "the draft left the actor and is the caller's alone")
    cell.check(opened == 1, "the Sendable count came out of the actor too")
}
// ANCHOR_END: sending-result
