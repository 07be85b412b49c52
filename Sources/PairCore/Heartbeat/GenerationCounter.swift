/// The node's generation: a number stored in `state_dir`, incremented (and fsynced by the agent) at every start,
/// so the peer can tell a restart from a replay.
///
/// The peer treats any message of an older generation than the newest it has seen as a replay, until it restarts
/// itself. A generation must therefore never go back: a stored text that is not a generation is an error, not
/// zero, and the caller may give a floor (the wall clock in seconds) so that a lost state file still gives a
/// newer generation than any before.
public enum GenerationCounter {
    /// The generation in a stored text: nil or blank text (no file yet) is 0; otherwise decimal digits, with
    /// white space and line ends around them allowed.
    public static func storedGeneration(from text: String?) -> Result<UInt64, GenerationCounterError> {
        let text = text ?? ""
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else {
            return .success(0)
        }
        let digits = text[first...last]
        guard digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let generation = UInt64(digits)
        else {
            return .failure(.notAGeneration)
        }
        return .success(generation)
    }

    /// The generation for this start, after the stored one and not below `floor`, with the text to store
    /// (`"13\n"`) before the first heartbeat is sent.
    public static func next(
        afterStored text: String?, notBelow floor: UInt64 = 0
    ) -> Result<StartGeneration, GenerationCounterError> {
        storedGeneration(from: text).flatMap { stored in
            guard stored < UInt64.max else { return .failure(.exhausted) }
            let generation = max(stored + 1, floor)
            return .success(StartGeneration(generation: generation, textToStore: "\(generation)\n"))
        }
    }
}
