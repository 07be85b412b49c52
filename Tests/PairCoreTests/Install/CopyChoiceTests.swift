import PairCore
import Testing

@Suite struct CopyChoiceTests {
    static func copy(
        _ source: CopyCandidate.Source, epoch: UInt64, at position: UInt64,
        _ state: CopyCandidate.ClusterState = .shutDown,
        complete: Bool = true
    ) -> CopyCandidate {
        CopyCandidate(
            source: source, rank: CopyRank(epoch: epoch, position: position), state: state, isComplete: complete)
    }

    static func current(epoch: UInt64, at position: UInt64, _ state: CopyCandidate.ClusterState = .shutDown)
        -> CopyCandidate
    {
        copy(.current, epoch: epoch, at: position, state)
    }

    static func snapshot(epoch: UInt64, at position: UInt64) -> CopyCandidate {
        copy(.snapshot("snapshot-20261121T103002Z-000042"), epoch: epoch, at: position, .backup)
    }

    static func peer(epoch: UInt64, at position: UInt64, _ state: CopyCandidate.ClusterState = .shutDown) -> PeerCopy {
        .stopped(copy(.peer, epoch: epoch, at: position, state))
    }

    static func chosen(_ decision: InstallDecision) -> CopyCandidate.Source? {
        switch decision {
        case .keep: .current
        case .install(let copy, _): copy.source
        case .refuse: nil
        }
    }

    /// Every order of three ranks over (current, snapshot, peer): the newest is chosen, never an older one.
    static let orders: [(current: CopyRank, snapshot: CopyRank, peer: CopyRank)] = {
        let ranks = [
            CopyRank(epoch: 1, position: 0x500), CopyRank(epoch: 2, position: 0x100),
            CopyRank(epoch: 2, position: 0x300),
        ]
        var orders: [(CopyRank, CopyRank, CopyRank)] = []
        for a in 0..<3 {
            for b in 0..<3 where b != a {
                orders.append((ranks[a], ranks[b], ranks[3 - a - b]))
            }
        }
        return orders
    }()

    @Test(arguments: 0..<6)
    func theNewestOfThreeCandidatesIsChosenInEveryOrder(order: Int) {
        let (current, snapshot, peer) = Self.orders[order]
        let decision = CopyChoice.decide(
            current: Self.copy(.current, epoch: current.epoch, at: current.position),
            snapshot: Self.copy(.snapshot("s"), epoch: snapshot.epoch, at: snapshot.position, .backup),
            peer: Self.peer(epoch: peer.epoch, at: peer.position), purpose: .takeover)
        let newest = max(current, snapshot, peer)
        let expected: CopyCandidate.Source =
            newest == current ? .current : newest == snapshot ? .snapshot("s") : .peer
        #expect(Self.chosen(decision) == expected)
    }

    @Test(arguments: [
        (CopyRank(epoch: 3, position: 0x100), CopyRank(epoch: 2, position: 0x900), false),
        (CopyRank(epoch: 2, position: 0x100), CopyRank(epoch: 3, position: 0x10), true),
        (CopyRank(epoch: 2, position: 0x100), CopyRank(epoch: 2, position: 0x200), true),
        (CopyRank(epoch: 2, position: 0x200), CopyRank(epoch: 2, position: 0x100), false),
    ])
    func aSnapshotReplacesTheCurrentDirectoryOnlyWhenNewer(current: CopyRank, snapshot: CopyRank, installs: Bool) {
        let copy = Self.snapshot(epoch: snapshot.epoch, at: snapshot.position)
        let decision = CopyChoice.decide(
            current: Self.current(epoch: current.epoch, at: current.position), snapshot: copy, peer: .unknown,
            purpose: .takeover)
        #expect(Self.chosen(decision) == (installs ? copy.source : .current))
    }

    @Test func anEqualCopyLeavesTheCurrentDirectoryAsItIs() {
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 4, at: 0x200), snapshot: Self.snapshot(epoch: 4, at: 0x200),
            peer: Self.peer(epoch: 4, at: 0x200), purpose: .takeover)
        #expect(Self.chosen(decision) == .current)
    }

    @Test func theLocalSnapshotWinsATieWithThePeer() {
        let snapshot = Self.snapshot(epoch: 4, at: 0x200)
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 3, at: 0x900), snapshot: snapshot, peer: Self.peer(epoch: 4, at: 0x200),
            purpose: .takeover)
        #expect(decision == .install(snapshot, reason: Self.reason(decision)))
        #expect(Self.chosen(decision) == snapshot.source)
    }

    @Test(arguments: [InstallPurpose.takeover])
    func aPeerWhosePostgresAnswersIsARefusalAtTakeover(purpose: InstallPurpose) {
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 1, at: 0x100), snapshot: Self.snapshot(epoch: 2, at: 0x100),
            peer: .answering, purpose: purpose)
        guard case .refuse(let reason) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(reason.contains("still answers"))
    }

    @Test func aPeerWhosePostgresAnswersOffersNothingAtANodesStart() {
        let snapshot = Self.snapshot(epoch: 2, at: 0x100)
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 1, at: 0x100), snapshot: snapshot, peer: .answering, purpose: .nodeStart)
        #expect(Self.chosen(decision) == snapshot.source)
    }

    @Test(arguments: [CopyCandidate.ClusterState.crashed, .backup])
    func aPeerCopyThatWasNotShutDownCleanlyIsNeverUsed(state: CopyCandidate.ClusterState) {
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 1, at: 0x100), snapshot: nil, peer: Self.peer(epoch: 9, at: 0x900, state),
            purpose: .takeover)
        #expect(Self.chosen(decision) == .current)
    }

    @Test func anIncompleteSnapshotIsNeverUsed() {
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 1, at: 0x100),
            snapshot: Self.copy(.snapshot("s"), epoch: 9, at: 0x900, .backup, complete: false), peer: .unknown,
            purpose: .takeover)
        #expect(Self.chosen(decision) == .current)
    }

    @Test func withNoCopyOfferedTheCurrentDirectoryStays() {
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 0, at: 0x100), snapshot: nil, peer: .unknown, purpose: .nodeStart)
        #expect(Self.chosen(decision) == .current)
    }

    @Test func aMissingDataDirectoryTakesTheNewestCopyEvenAnOldOne() {
        let snapshot = Self.snapshot(epoch: 1, at: 0x10)
        let decision = CopyChoice.decide(current: nil, snapshot: snapshot, peer: .unknown, purpose: .takeover)
        #expect(Self.chosen(decision) == snapshot.source)
    }

    @Test(arguments: [InstallPurpose.takeover, .nodeStart])
    func aDataDirectoryWhoseControlFileCannotBeReadIsNeverReplaced(purpose: InstallPurpose) {
        let unreadable = Self.copy(.current, epoch: 0, at: 0, .crashed, complete: false)
        for snapshot in [Self.snapshot(epoch: 9, at: 0x900), nil] {
            let decision = CopyChoice.decide(current: unreadable, snapshot: snapshot, peer: .unknown, purpose: purpose)
            #expect(Self.chosen(decision) == nil)
        }
    }

    @Test func noDataDirectoryAndNoCopyIsARefusal() {
        let decision = CopyChoice.decide(current: nil, snapshot: nil, peer: .unknown, purpose: .nodeStart)
        #expect(Self.chosen(decision) == nil)
    }

    @Test func aCrashedDirectoryStaysAgainstACopyOfItsOwnEpoch() {
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 3, at: 0x100, .crashed), snapshot: Self.snapshot(epoch: 3, at: 0x900),
            peer: .unknown, purpose: .takeover)
        #expect(Self.chosen(decision) == .current)
    }

    @Test func aCrashedDirectoryIsReplacedByACopyOfALaterEpoch() {
        let snapshot = Self.snapshot(epoch: 4, at: 0x10)
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 3, at: 0x900, .crashed), snapshot: snapshot, peer: .unknown,
            purpose: .takeover)
        #expect(Self.chosen(decision) == snapshot.source)
    }

    @Test func anInstalledCopyNotYetStartedIsReplacedByANewerSnapshotOfItsEpoch() {
        let snapshot = Self.snapshot(epoch: 3, at: 0x900)
        let decision = CopyChoice.decide(
            current: Self.current(epoch: 3, at: 0x100, .backup), snapshot: snapshot, peer: .unknown,
            purpose: .nodeStart)
        #expect(Self.chosen(decision) == snapshot.source)
    }

    @Test func theRankOrdersByEpochBeforePosition() {
        #expect(CopyRank(epoch: 1, position: .max) < CopyRank(epoch: 2, position: 0))
        #expect(CopyRank(epoch: 2, position: 1) < CopyRank(epoch: 2, position: 2))
        #expect(CopyRank(epoch: 2, position: 0x1_0000_0028).description == "epoch 2 at 1/28")
    }

    static func reason(_ decision: InstallDecision) -> String {
        switch decision {
        case .keep(let reason), .install(_, let reason), .refuse(let reason): reason
        }
    }
}
