import PairCore

#if canImport(Glibc)
    import Glibc
#endif

/// The agent's generation on disk: read, incremented, written and fsynced in `state_dir` at every start, so a
/// restarted agent's heartbeats are newer than anything a peer (or a replayed capture) has seen from it.
public enum GenerationStore {
    /// The file in `state_dir` holding the generation as decimal text.
    public static let fileName = "generation"

    /// Reads the stored generation, stores the next one durably, and returns it.
    ///
    /// The next generation is never below the wall clock in seconds: should `state_dir` be lost, a restarted agent
    /// still starts newer than any generation the peer has seen, instead of being taken for a replay.
    public static func advance(in stateDirectory: String) throws -> UInt64 {
        let path = stateDirectory + "/" + fileName
        let stored = try StateFile.read(path)
        switch GenerationCounter.next(afterStored: stored, notBelow: UInt64(max(0, time(nil)))) {
        case .success(let start):
            try StateFile.writeDurably(path, text: start.textToStore)
            return start.generation
        case .failure(let error):
            throw StateFile.Failure(path: path, reason: "\(error)")
        }
    }
}
