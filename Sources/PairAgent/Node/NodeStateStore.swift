import PairCore

/// The node's persisted state in `state_dir`: the data epoch (`epoch`) and the marker (`marker`), each written
/// durably (a temporary file, fsync, rename, directory fsync) before the state machine goes on.
public struct NodeStateStore: Sendable {
    /// The file that holds the data epoch.
    public static let epochFileName = "epoch"
    /// The file that holds the unclean-stop or last-active marker.
    public static let markerFileName = "marker"
    /// The file that holds the peer's newest generation accepted here: after a restart, older ones are replays.
    public static let peerGenerationFileName = "peer-generation"

    /// The state directory.
    public let directory: String

    /// The store in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    var epochPath: String { "\(directory)/\(Self.epochFileName)" }
    var markerPath: String { "\(directory)/\(Self.markerFileName)" }

    /// What the files hold: epoch 0 and no marker when they do not exist. Throws when a file cannot be read or
    /// does not hold what pgpair writes: the agent must not guess whether it may start on its own data.
    public func load() throws -> PersistedNodeState {
        var state = PersistedNodeState()
        if let text = try StateFile.read(epochPath) {
            state.epoch = try PersistedNodeState.parseEpoch(text).mapError { StateFile.Failure(path: epochPath, $0) }
                .get()
        }
        if let text = try StateFile.read(markerPath) {
            state.marker = try PersistedNodeState.parseMarker(text).mapError {
                StateFile.Failure(path: markerPath, $0)
            }.get()
        }
        return state
    }

    var peerGenerationPath: String { "\(directory)/\(Self.peerGenerationFileName)" }

    /// The peer's newest generation accepted before this start; 0 when none is stored. Throws when the file cannot
    /// be read or holds something else.
    public func loadPeerGeneration() throws -> UInt64 {
        guard let text = try StateFile.read(peerGenerationPath) else { return 0 }
        return try PersistedNodeState.parseEpoch(text).mapError { _ in
            StateFile.Failure(
                path: peerGenerationPath,
                reason: "holds \"\(text.prefix(40))\", not a generation number; remove it to accept any generation")
        }.get()
    }

    /// Stores the peer's newest generation accepted.
    public func persistPeerGeneration(_ generation: UInt64) throws {
        try StateFile.writeDurably(peerGenerationPath, text: "\(generation)\n")
    }

    /// Stores the data epoch.
    public func persistEpoch(_ epoch: UInt64) throws {
        try StateFile.writeDurably(epochPath, text: PersistedNodeState.epochText(epoch))
    }

    /// Stores the marker.
    public func writeMarker(_ marker: NodeMarker) throws {
        try StateFile.writeDurably(markerPath, text: PersistedNodeState.markerText(marker))
    }

    /// Removes the marker.
    public func clearMarker() throws {
        try StateFile.removeDurably(markerPath)
    }
}

extension StateFile.Failure {
    /// A file that holds something pgpair did not write.
    init(path: String, _ error: PersistedStateError) {
        self.init(path: path, reason: "\(error.message); restore it or, if unsure, ask before removing it")
    }
}
