// A non-Sendable result leaving an actor without `sending`.
final class Draft {
    var title: String
    init(title: String) { self.title = title }
}

// ANCHOR: shown
actor Editor {
    func newDraft(titled title: String) -> Draft {
        Draft(title: title)
    }
}

func write(with editor: Editor) async {
    let draft = await editor.newDraft(titled: "notes")
    draft.title = "my notes"
}
// ANCHOR_END: shown

// swiftc: -parse-as-library
// expect-error: non-Sendable 'Draft'-typed result can not be returned from actor-isolated instance method 'newDraft(titled:)' to nonisolated context
