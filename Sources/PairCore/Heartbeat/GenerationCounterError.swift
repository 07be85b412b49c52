/// Why the stored generation cannot give the next one.
public enum GenerationCounterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stored text is not a decimal number.
    case notAGeneration
    /// The stored generation is the largest there is.
    case exhausted

    /// What is wrong and what to do; the file's contents are not quoted.
    public var description: String {
        switch self {
        case .notAGeneration:
            return "the stored generation is not a number; check the file, or remove it to start again from the "
                + "wall clock (the peer ignores a generation older than the last it saw until it restarts)"
        case .exhausted:
            return "the stored generation is the largest possible; remove the file and restart both agents"
        }
    }
}
