/// The generation a node runs under from this start, and the text the agent stores (and fsyncs) for it.
public struct StartGeneration: Sendable, Equatable {
    /// The generation every message of this run carries.
    public var generation: UInt64
    /// The file's new contents, e.g. `"13\n"`.
    public var textToStore: String

    /// Creates a start generation.
    public init(generation: UInt64, textToStore: String) {
        self.generation = generation
        self.textToStore = textToStore
    }
}
