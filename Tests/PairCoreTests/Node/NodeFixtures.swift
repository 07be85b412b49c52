@testable import PairCore

typealias Machine = NodeStateMachine<ManualInstant>

/// The pair the node tests run: castor and pollux; the `pgsql` group `10.0.0.100` (address, then PostgreSQL) at home
/// on castor; initdead 30 s, monitor_interval 2 s, restart_limit 3.
enum NodeFixtures {
    static let castor = "castor"
    static let pollux = "pollux"
    static let serviceAddress = IPv4Address("10.0.0.100")!
    static let extraAddress = IPv4Address("10.0.0.101")!
    /// The `pgsql` group's name: its first resource.
    static let database = "10.0.0.100"
    /// An extra address group at home on pollux.
    static let extra = "10.0.0.101"

    static let databaseGroup = ResourceGroup(
        homeNode: castor,
        resources: [
            Resource(kind: .serviceAddress(ServiceAddress(address: serviceAddress)), written: database, line: 1),
            Resource(kind: .postgres(dataDirectory: "/var/lib/postgresql/16/main"), written: "pgsql", line: 1),
        ],
        line: 1)

    static let extraGroup = ResourceGroup(
        homeNode: pollux,
        resources: [Resource(kind: .serviceAddress(ServiceAddress(address: extraAddress)), written: extra, line: 2)],
        line: 2)

    /// Settings for `node` (castor unless told), the database group only unless `groups` says otherwise.
    static func settings(
        node: String = castor, groups: [ResourceGroup] = [databaseGroup], autoFailback: Bool = false,
        coldStartTakeover: Bool = false, ping: Bool = false, fencing: Bool = false
    ) -> NodeSettings {
        NodeSettings(
            localNode: node, peerNode: node == castor ? pollux : castor, groups: groups, initdead: .seconds(30),
            autoFailback: autoFailback, coldStartTakeover: coldStartTakeover, pingConfigured: ping,
            fencingConfigured: fencing, fenceDelay: .seconds(15), monitorInterval: .seconds(2), restartLimit: 3)
    }

    /// `seconds` after the clock's zero.
    static func at(_ seconds: Double) -> ManualInstant {
        .ms(Int64(seconds * 1000))
    }

    /// What the peer announces.
    static func peer(
        _ role: NodeRole = .standby, holds: [String] = [], epoch: UInt64 = 0, released: [String] = [],
        requested: [String] = []
    ) -> NodeAnnouncement {
        NodeAnnouncement(
            role: role, heldGroups: holds, epoch: epoch, releasedGroups: released, requestedGroups: requested)
    }

    /// The peer active, holding the database group.
    static func activePeer(epoch: UInt64 = 1) -> NodeAnnouncement {
        peer(.active, holds: [database], epoch: epoch)
    }

    /// A machine started at zero.
    static func started(_ settings: NodeSettings = settings(), persisted: PersistedNodeState = .init()) -> Machine {
        var machine = Machine(settings: settings, persisted: persisted)
        _ = machine.agentStarted(at: at(0))
        return machine
    }

    /// A standby (castor unless told) whose peer is active with the database group at `peerEpoch`, after initdead.
    static func standby(
        _ settings: NodeSettings = settings(), persisted: PersistedNodeState = .init(), peerEpoch: UInt64 = 1
    ) -> Machine {
        var machine = started(settings, persisted: persisted)
        _ = machine.peerHeartbeatReceived(activePeer(epoch: peerEpoch), at: at(1))
        _ = machine.clockTicked(at: at(30))
        return machine
    }

    /// castor active with the database group at epoch 1 (it claimed it at startup), its peer a standby.
    static func active(_ settings: NodeSettings = settings()) -> Machine {
        var machine = started(settings)
        _ = machine.peerHeartbeatReceived(peer(.standby), at: at(1))
        _ = machine.clockTicked(at: at(30))
        _ = machine.guardAnswered(.duplicateAddress(serviceAddress, answered: false), at: at(30.1))
        _ = machine.groupStarted(database, result: .succeeded, at: at(31))
        return machine
    }

    /// A takeover of the database group by a node whose new epoch is `epoch`; `peerReleased` when the peer handed
    /// it over by handshake.
    static func takeover(epoch: UInt64, peerReleased: Bool = false) -> [NodeAction] {
        [
            .persistEpoch(epoch), .writeMarker(.uncleanStop(epoch: epoch)),
            .startGroup(database, peerReleased: peerReleased),
        ]
    }
}
