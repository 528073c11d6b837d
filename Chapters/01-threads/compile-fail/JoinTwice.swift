// PosixThread's rule in miniature: a ~Copyable value whose join() is `consuming`
// can be joined once. The compiler refuses the second call, so pthread_join can
// never be called twice on one thread.
// expect-error: 'worker' consumed more than once

// ANCHOR: shown
struct OnceJoinable: ~Copyable {
    consuming func join() -> Int { 42 }
}

func joinTwice() {
    let worker = OnceJoinable()
    print(worker.join())
    print(worker.join())
}
// ANCHOR_END: shown
