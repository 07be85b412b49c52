/// What the agent must do after an event, in the order given.
public enum NodeAction: Sendable, Equatable {
    /// Start the group, resources left to right, then report `groupStarted`. For `pgsql` the start installs the
    /// newest copy this node may use. `peerReleased` is true only when the peer stopped the group and announced its
    /// release (the handshake of a planned switchover): the peer is alive and reachable, and its cleanly stopped
    /// data directory may be the newest copy. Every other start (after the peer's death, a claim, a restart in
    /// place, a forced takeover) must never contact the peer.
    case startGroup(String, peerReleased: Bool = false)
    /// Stop the group, resources right to left, then report `groupStopped`. For a group still starting, cancel the
    /// start first; its `groupStarted` is then ignored.
    case stopGroup(String)
    /// Restart the group in place after a failed check, then report `groupStarted`: the first resource that is not
    /// running and every one after it are stopped right to left and started left to right; those before it keep
    /// running (the service address stays while PostgreSQL restarts). Never contacts the peer.
    case restartGroup(String)
    /// Check the group's resources (`status` of each) and report `monitorReported`.
    case checkGroup(String)
    /// Send a heartbeat now with `announcement` (it changed), rather than at the next keepalive.
    case announceNow
    /// Start the guard; report its results with `guardAnswered` until told to stop.
    case startGuard(NodeGuard)
    /// Stop the guard; results that still arrive are ignored.
    case stopGuard(NodeGuard)
    /// Call `clockTicked(at:)` once the delay has passed.
    case scheduleTimer(NodeTimer, after: Duration)
    /// Store the data epoch in `state_dir` durably before going on.
    case persistEpoch(UInt64)
    /// Store the marker in `state_dir` durably before going on.
    case writeMarker(NodeMarker)
    /// Remove the marker from `state_dir`.
    case clearMarker
    /// Move the group's data directory aside under a dated name (never delete it), and say so loudly.
    case setDataDirectoryAside(group: String)
    /// Log the report loudly.
    case report(NodeReport)
    /// Refuse the operator's command with this reason.
    case refuse(OperatorRefusal)
    /// Every group this node could stop is stopped: the agent may exit.
    case shutdownComplete
}
