// `assertIsolated`, built with -O: is the check still there?
// ANCHOR: shown
@globalActor actor Studio {
    static let shared = Studio()
}

func helper() async {
    Studio.assertIsolated("helper() is not on the Studio actor")
    print("assertIsolated let it through")
}

@Studio func record() async {
    await helper()
}

await record()
// ANCHOR_END: shown

// swiftc: -O
// expect-trap: Incorrect actor executor assumption; expected 'example.Studio' executor.
