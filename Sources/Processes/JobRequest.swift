/// What a pool sends a worker: one input, numbered by its place in the input list.
public struct JobRequest<Input: Codable>: Codable {
    public var id: Int
    public var input: Input

    public init(id: Int, input: Input) {
        self.id = id
        self.input = input
    }
}
