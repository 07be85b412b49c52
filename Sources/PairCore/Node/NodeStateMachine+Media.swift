extension NodeStateMachine {
    /// The heartbeat found that it can use at least one medium (`usable`), or none at all: every interface down,
    /// the serial line unopenable. With none, the peer's silence proves nothing, so no takeover or claim goes on
    /// (a block that clears itself); once a medium works again, the guards decide anew.
    public mutating func mediaReported(usable: Bool, at now: Instant) -> [NodeAction] {
        announcing { machine in
            guard machine.mediaUsable != usable else { return [] }
            machine.mediaUsable = usable
            guard machine.round != nil else { return [] }
            return machine.evaluateRound(at: now)
        }
    }
}
