extension Lab {
    /// Waits until both agents see each other up on every link, `active` is active and its peer a standby that
    /// sees it active; each wait gives up after `limit` (a bound, never a measurement).
    public nonisolated func waitForSettledPair(active: LabNode, within limit: Duration) async throws {
        for node in LabNode.allCases {
            try await waitFor("the peer up on every link", on: node, within: limit) { $0.peerUpOnEveryLink }
        }
        try await waitFor("\(active.name) active", on: active, within: limit) { $0.role == "active" }
        try await waitFor("\(active.peer.name) a standby", on: active.peer, within: limit) {
            $0.role == "standby" && $0.peer.role == "active"
        }
    }
}
