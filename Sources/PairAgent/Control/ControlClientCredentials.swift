#if canImport(Glibc)
    import Glibc
#endif

/// Who is on the other end of a control-socket connection, from the kernel (`SO_PEERCRED`), and what they may do.
public struct ControlClientCredentials: Sendable, Equatable {
    /// The client's process id.
    public var processID: Int32
    /// The client's effective user id.
    public var userID: UInt32
    /// The client's effective group id.
    public var groupID: UInt32

    /// Creates credentials.
    public init(processID: Int32, userID: UInt32, groupID: UInt32) {
        self.processID = processID
        self.userID = userID
        self.groupID = groupID
    }

    /// Whether this client may send `request`: root and the agent's own user may send anything; a member of
    /// `control_socket_group` (primary group, or supplementary when `supplementaryGroups` lists it) only reads.
    public func mayIssue(
        _ request: ControlRequest, agentUserID: UInt32, statusGroupID: UInt32?, supplementaryGroups: [UInt32]
    ) -> Bool {
        if userID == 0 || userID == agentUserID { return true }
        guard request.isReadOnly, let statusGroupID else { return false }
        return groupID == statusGroupID || supplementaryGroups.contains(statusGroupID)
    }
}
