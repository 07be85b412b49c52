import PairCore
import Testing

@testable import PairAgent

/// Which node runs a round: rsync, the active pushes; pg_dumpall, the standby pulls; any other caller skips.
@Suite struct SyncSideTests {
    @Test(
        "the side for each method and position",
        arguments: [
            (SyncSettings.Method.rsync, true, false as Bool?, true),
            (.rsync, false, true, false),
            (.rsync, false, nil, false),
            (.pgDumpall, false, true, true),
            (.pgDumpall, false, nil, true),
            (.pgDumpall, false, false, false),
            (.pgDumpall, true, false, false),
        ])
    func side(method: SyncSettings.Method, runsPostgres: Bool, peerRunsPostgres: Bool?, syncs: Bool) {
        let side = SyncSide.decide(
            method: method, position: .init(runsPostgres: runsPostgres, peerRunsPostgres: peerRunsPostgres))
        #expect((side == .runsRound) == syncs)
    }

    @Test("no sync_method: every node skips")
    func noMethod() {
        #expect(
            SyncSide.decide(method: nil, position: .init(runsPostgres: true, peerRunsPostgres: false))
                == .skips("sync_method is not set in ha.cf; pgpair makes no copies"))
    }

    @Test("the position follows the pgsql group's owner and state, not the role alone")
    func position() {
        func status(role: NodeRole, owner: String?, state: GroupState) -> NodeStatus {
            NodeStatus(
                node: "castor", role: role, blockedReason: nil, blockNeedsOperator: false, epoch: 1, generation: 1,
                protocolVersion: 1,
                peer: PeerStatus(node: "pollux", state: .up, role: .standby, epoch: 1, links: [], rejected: .init()),
                resources: [GroupStatus(group: "10.0.0.100", home: "castor", owner: owner, state: state)])
        }
        // In maintenance the active still runs the group, and still pushes.
        let maintenance = SyncSide.Position(
            status: status(role: .maintenance, owner: "castor", state: .running), postgresGroup: "10.0.0.100")
        #expect(maintenance == .init(runsPostgres: true, peerRunsPostgres: false))
        let starting = SyncSide.Position(
            status: status(role: .starting, owner: "castor", state: .starting), postgresGroup: "10.0.0.100")
        #expect(starting == .init(runsPostgres: false, peerRunsPostgres: false))
        let peer = SyncSide.Position(
            status: status(role: .standby, owner: "pollux", state: .running), postgresGroup: "10.0.0.100")
        #expect(peer == .init(runsPostgres: false, peerRunsPostgres: true))
    }
}
