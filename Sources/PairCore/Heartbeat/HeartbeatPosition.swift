/// Where a message stands in its sender's stream: (generation, sequence), ordered by generation, then sequence.
public struct HeartbeatPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The sender's generation.
    public var generation: UInt64
    /// The sequence number within the generation.
    public var sequence: UInt64

    /// Creates a position.
    public init(generation: UInt64, sequence: UInt64) {
        self.generation = generation
        self.sequence = sequence
    }

    /// True when `lhs` was sent before `rhs`.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.generation, lhs.sequence) < (rhs.generation, rhs.sequence)
    }

    /// `generation 3, sequence 10`.
    public var description: String { "generation \(generation), sequence \(sequence)" }
}
