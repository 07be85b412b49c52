extension NodeStateMachine {
    /// The agent's continuous ping round (every keepalive, from the start) found a ping target answering or none,
    /// at `now`. The result travels in the heartbeat (`ping=`); a holder that has reached none for `pingLossGrace`
    /// while its peer reaches one hands its groups to the peer, as heartbeat's ipfail did. The guards round after
    /// the peer's silence takes its ping answers from the `ping` guard, not from here.
    public mutating func pingReported(reachable: Bool, at now: Instant) -> [NodeAction] {
        announcing { machine in
            guard machine.settings.pingConfigured else { return [] }
            machine.pingReachable = reachable
            if reachable {
                machine.pingLostSince = nil
                machine.timers[.pingLoss] = nil
                return []
            }
            guard machine.pingLostSince == nil else { return [] }
            machine.pingLostSince = now
            return [machine.schedule(.pingLoss, after: machine.settings.pingLossGrace, at: now)]
        }
    }

    /// True when this node has reached no ping target for `pingLossGrace` while the peer, up and able to take
    /// groups, says it reaches one.
    func pingLostLongerThanPeer(at now: Instant) -> Bool {
        guard settings.pingConfigured, let since = pingLostSince, since.advanced(by: settings.pingLossGrace) <= now
        else { return false }
        return peer.canTakeGroups && peer.latest?.pingReachable == true
    }
}
