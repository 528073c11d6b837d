// From outside, an actor's methods are reached only with `await`.
// expect-error: call to actor-isolated instance method 'hit()' in a synchronous nonisolated context
actor HitCounter {
    var hits = 0
    func hit() { hits += 1 }
}

// ANCHOR: shown
func record(_ counter: HitCounter) {
    counter.hit()
}
// ANCHOR_END: shown
