/// What `Futures.wait` found when it returned: the futures that had completed, and
/// those still pending or running (Python's `done, not_done` pair). Both lists keep the
/// order in which the futures were given.
public struct WaitResult<Value: Sendable>: Sendable {
    public var done: [Future<Value>]
    public var notDone: [Future<Value>]
}
