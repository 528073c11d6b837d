// `sending` is checked: an actor that keeps the value cannot also send it away.
final class Draft {
    var title: String
    init(title: String) { self.title = title }
}

// ANCHOR: shown
actor Editor {
    private var recent: [Draft] = []

    func newDraft(titled title: String) -> sending Draft {
        let draft = Draft(title: title)
        recent.append(draft)             // the actor keeps a reference...
        return draft                     // ...so the caller would not hold it alone
    }
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: risks causing data races
