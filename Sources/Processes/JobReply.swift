/// What a worker sends back: the output for request `id`, or the error its job threw.
public struct JobReply<Output: Codable>: Codable {
    public var id: Int
    public var output: Output?
    public var error: String?

    public init(id: Int, output: Output) {
        self.id = id
        self.output = output
    }

    public init(id: Int, error: String) {
        self.id = id
        self.error = error
    }
}
