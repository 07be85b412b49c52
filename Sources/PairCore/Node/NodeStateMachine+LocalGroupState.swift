extension NodeStateMachine {
    /// A group's state on this node.
    enum LocalGroupState: Equatable {
        /// Why a group is being started.
        enum StartPurpose: Equatable {
            /// To become its holder: at startup, after the peer's death, or on the peer's release.
            case takeover
            /// Again in place: after a failed check (its failed part), or after a failed stop an operator forced past.
            case restart
        }

        /// Why a group is being stopped: it decides what happens once it is stopped.
        enum StopPurpose: Equatable {
            /// To hand it to the peer: a planned standby, the peer's request, or the agent's shutdown.
            case release
            /// Its start failed: hand it to the peer, or block.
            case failedStart
            /// `restart_limit` was reached: hand it to the peer, or block.
            case handOver
            /// The peer holds it: leave it to the peer.
            case yield
            /// Both held `pgsql` and the peer's takeover is newer: set the data aside and block.
            case healedPartition
        }

        case stopped
        case starting(StartPurpose)
        case running
        case stopping(StopPurpose, attempt: Int)
        /// Every stop attempt failed; the group may still run, so it still counts as held.
        case stopFailed(StopPurpose)

        /// True unless stopped: the group is announced as held.
        var isHeld: Bool { self != .stopped }

        /// True while starting.
        var isStarting: Bool {
            if case .starting = self { return true }
            return false
        }

        /// The state `status` shows for it.
        var status: GroupState {
            switch self {
            case .stopped: return .stopped
            case .starting: return .starting
            case .running: return .running
            case .stopping: return .stopping
            case .stopFailed: return .failed
            }
        }
    }
}
