// One program, built three ways: with and without NonisolatedNonsendingByDefault (SE-0461),
// and in the feature's migration mode.
// The helper checks at run time that it runs on the Studio actor, which called it.
// ANCHOR: shown
@globalActor actor Studio {
    static let shared = Studio()
}

/// A plain nonisolated async function: which actor runs it depends on the build.
func helper() async -> String {
    Studio.preconditionIsolated("helper() left the Studio actor")
    return "helper() ran on \(#isolation.map { "\(type(of: $0))" } ?? "no actor")"
}

@Studio func record() async -> String {
    await helper()
}

print(await record())
// ANCHOR_END: shown

// expect-output: helper() ran on Studio
// expect-trap: Incorrect actor executor assumption; expected 'example.Studio' executor.
// expect-warning: feature 'NonisolatedNonsendingByDefault' will cause nonisolated async global function 'helper' to run on the caller's actor; use '@concurrent' to preserve behavior
