/// The install decision: which copy PostgreSQL starts on. Pure: the caller reads the candidates (control files,
/// markers, epochs) and carries out the decision.
///
/// The rules, in order:
/// 1. At a takeover, a peer whose PostgreSQL answers is not dead: refuse rather than start a second copy.
/// 2. The copies offered are the newest complete snapshot and a cleanly shut down peer's data directory; a peer
///    copy that is not cleanly shut down is never used. The newest by (epoch, position) is the best; on a tie the
///    local snapshot is preferred (nothing to transfer).
/// 3. With no current data directory (nothing there, or no cluster in it), the best copy is installed; with none
///    either, refuse. A current data directory whose control file cannot be read is never replaced: its data may
///    be newer than any copy, and only an operator can tell.
/// 4. A current data directory at least as new as the best copy stays: newer data is never replaced by older.
/// 5. A crashed current data directory stays against a copy of its own epoch: its WAL may reach past its latest
///    checkpoint, so the copy cannot be shown to be newer.
/// 6. Otherwise the best copy replaces the current data directory.
public enum CopyChoice {
    /// Decides what to do with the data directory.
    public static func decide(
        current: CopyCandidate?, snapshot: CopyCandidate?, peer: PeerCopy, purpose: InstallPurpose
    ) -> InstallDecision {
        if peer == .answering, purpose == .takeover {
            return .refuse(
                reason: "the peer's PostgreSQL still answers: the peer is not dead, and starting here would run "
                    + "a second copy of the data; stop the peer's cluster or use pgpair standby on the peer")
        }
        if let current, !current.isComplete {
            return .refuse(
                reason: "the control file of \(current.source) cannot be read, so whether a copy is newer cannot "
                    + "be told; check pg_bindir and the directory, or set it aside by hand")
        }
        guard let best = newestOffered(snapshot: snapshot, peer: peer) else {
            guard let current else {
                return .refuse(
                    reason: "there is no data directory and no copy to install; restore it or wait for a sync round")
            }
            return .keep(reason: "no copy is offered beside \(current.source) (\(current.rank))")
        }
        guard let current else {
            return .install(
                best, reason: "there is no data directory; \(best.source) (\(best.rank)) is the newest copy")
        }
        if current.rank >= best.rank {
            return .keep(
                reason: "\(current.source) (\(current.rank)) is at least as new as \(best.source) (\(best.rank))")
        }
        if current.state == .crashed, current.rank.epoch == best.rank.epoch {
            return .keep(
                reason: "\(current.source) was not shut down cleanly and its WAL may reach past its checkpoint "
                    + "(\(current.rank)); \(best.source) (\(best.rank)) of the same epoch is not known to be newer")
        }
        return .install(
            best, reason: "\(best.source) (\(best.rank)) is newer than \(current.source) (\(current.rank))")
    }

    /// The newest usable copy offered: the complete snapshot, or the peer's cleanly shut down data directory.
    static func newestOffered(snapshot: CopyCandidate?, peer: PeerCopy) -> CopyCandidate? {
        var offered: [CopyCandidate] = []
        if let snapshot, snapshot.isComplete {
            offered.append(snapshot)
        }
        if case .stopped(let copy) = peer, copy.isComplete, copy.state == .shutDown {
            offered.append(copy)
        }
        // Ties keep the first (the local snapshot): max(by:) returns the last of equal maxima, so compare strictly.
        return offered.reduce(nil) { best, copy in
            guard let best else { return copy }
            return copy.rank > best.rank ? copy : best
        }
    }
}
