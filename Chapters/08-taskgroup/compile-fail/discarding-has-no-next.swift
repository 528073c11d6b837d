// A discarding group frees each child as it ends: there is no result to ask for.
// expect-error: value of type 'DiscardingTaskGroup' has no member 'next'
// ANCHOR: shown
func firstOfMany() async {
    await withDiscardingTaskGroup { group in
        for number in 1...3 {
            group.addTask { print(number) }
        }
        await group.next()
    }
}
// ANCHOR_END: shown
