import Foundation
import PairCore
import Testing

@testable import PairAgent

@Suite struct NodeStatusCodableTests {
    static let neverHeard = NodeStatus(
        node: "castor", role: .standby, blockedReason: nil, blockNeedsOperator: false, epoch: 0, generation: 3,
        protocolVersion: 1,
        peer: PeerStatus(
            node: "pollux", state: .unknown, role: nil, epoch: nil,
            links: [LinkStatus(medium: "ucast hb0 10.0.0.2", state: .down, lastHeardMilliseconds: nil)],
            rejected: RejectedCounts()))

    static let heard = NodeStatus(
        node: "castor", role: .blocked, blockedReason: "the service address answers elsewhere",
        blockNeedsOperator: true, epoch: 4, generation: 9, protocolVersion: 1,
        peer: PeerStatus(
            node: "pollux", state: .up, role: .active, epoch: 5,
            links: [
                LinkStatus(medium: "ucast hb0 10.0.0.2", state: .up, lastHeardMilliseconds: 120),
                LinkStatus(medium: "serial /dev/ttyS0", state: .down, lastHeardMilliseconds: 40_000),
            ],
            rejected: RejectedCounts(auth: 1, replay: 2, malformed: 3)))

    /// Active on one group, the second one failed here and held by no node, a third held by the peer.
    static let withGroups = NodeStatus(
        node: "castor", role: .active, blockedReason: nil, blockNeedsOperator: false, epoch: 2, generation: 4,
        protocolVersion: 1,
        peer: PeerStatus(
            node: "pollux", state: .up, role: .active, epoch: 2,
            links: [LinkStatus(medium: "ucast hb0 10.0.0.2", state: .up, lastHeardMilliseconds: 80)],
            rejected: RejectedCounts()),
        resources: [
            GroupStatus(group: "10.0.0.100", home: "castor", owner: "castor", state: .running),
            GroupStatus(group: "10.0.0.101", home: "castor", owner: nil, state: .failed),
            GroupStatus(group: "10.0.0.200", home: "pollux", owner: "pollux", state: .stopping),
        ])

    @Test func pingTargetsAreEncodedWithTheirStateAndReadBack() throws {
        var status = Self.withGroups
        status.ping = [
            PingTargetStatus(target: "198.18.0.254", state: .up), PingTargetStatus(target: "routers", state: .down),
        ]
        let json = try object(status)
        let ping = try #require(json["ping"] as? [[String: String]])
        #expect(ping == [["target": "198.18.0.254", "state": "up"], ["target": "routers", "state": "down"]])
        let decoded = try JSONDecoder().decode(NodeStatus.self, from: JSONEncoder.status.encode(status))
        #expect(decoded == status)
        #expect(status.table().contains("ping: 198.18.0.254 up, routers down"))
    }

    func object(_ status: NodeStatus) throws -> [String: Any] {
        let data = try JSONEncoder.status.encode(status)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyContractFieldIsPresentWithItsName() throws {
        let json = try object(Self.heard)
        #expect(
            Set(json.keys) == [
                "node", "role", "blocked_reason", "block_needs_operator", "epoch", "generation",
                "protocol", "peer", "resources", "ping", "sync",
            ])
        // Absent is null, never omitted: no sync configured, no ping targets.
        #expect(json["sync"] is NSNull)
        #expect(json["ping"] as? [Any] != nil)
        let peer = try #require(json["peer"] as? [String: Any])
        #expect(Set(peer.keys) == ["node", "state", "role", "epoch", "links", "rejected"])
        let links = try #require(peer["links"] as? [[String: Any]])
        #expect(Set(links[0].keys) == ["medium", "state", "last_heard_ms"])
        let rejected = try #require(peer["rejected"] as? [String: Any])
        #expect(rejected as? [String: Int] == ["auth": 1, "replay": 2, "malformed": 3])
    }

    @Test func enumerationsAreLowerCaseStringsAndNumbersAreNumbers() throws {
        let json = try object(Self.heard)
        #expect(json["role"] as? String == "blocked")
        #expect(json["epoch"] as? Int == 4)
        #expect(json["block_needs_operator"] as? Bool == true)
        let peer = try #require(json["peer"] as? [String: Any])
        #expect(peer["state"] as? String == "up")
        #expect(peer["role"] as? String == "active")
        let links = try #require(peer["links"] as? [[String: Any]])
        #expect(links.map { $0["state"] as? String } == ["up", "down"])
        #expect(links.map { $0["last_heard_ms"] as? Int } == [120, 40_000])
    }

    @Test func absentValuesAreNullNeverOmittedNorEmpty() throws {
        let json = try object(Self.neverHeard)
        #expect(json["blocked_reason"] is NSNull)
        let peer = try #require(json["peer"] as? [String: Any])
        #expect(peer["role"] is NSNull)
        #expect(peer["epoch"] is NSNull)
        let links = try #require(peer["links"] as? [[String: Any]])
        #expect(links[0]["last_heard_ms"] is NSNull)
        let text = String(decoding: try JSONEncoder.status.encode(Self.neverHeard), as: UTF8.self)
        #expect(!text.contains("\"\""))
    }

    @Test func everyGroupHasItsFieldsAndANodeWithoutOwnerIsNull() throws {
        let json = try object(Self.withGroups)
        let groups = try #require(json["resources"] as? [[String: Any]])
        #expect(groups.count == 3)
        #expect(groups.allSatisfy { Set($0.keys) == ["group", "home", "owner", "state"] })
        #expect(groups.map { $0["group"] as? String } == ["10.0.0.100", "10.0.0.101", "10.0.0.200"])
        #expect(groups.map { $0["home"] as? String } == ["castor", "castor", "pollux"])
        #expect(groups[0]["owner"] as? String == "castor")
        #expect(groups[1]["owner"] is NSNull)
        #expect(groups.map { $0["state"] as? String } == ["running", "failed", "stopping"])
    }

    @Test func noGroupsIsAnEmptyArray() throws {
        let json = try object(Self.neverHeard)
        #expect((json["resources"] as? [Any])?.isEmpty == true)
    }

    @Test func anAgentOlderThanResourcesDecodesWithNoGroups() throws {
        var json = try object(Self.heard)
        json["resources"] = nil
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(try JSONDecoder().decode(NodeStatus.self, from: data) == Self.heard)
    }

    @Test func anUnknownGroupStateIsRejected() throws {
        var json = try object(Self.withGroups)
        json["resources"] = [["group": "pgsql", "home": "castor", "owner": NSNull(), "state": "paused"]]
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NodeStatus.self, from: data) }
    }

    @Test(arguments: [neverHeard, heard, withGroups])
    func decodingGivesBackWhatWasEncoded(_ status: NodeStatus) throws {
        let data = try JSONEncoder.status.encode(status)
        #expect(try JSONDecoder().decode(NodeStatus.self, from: data) == status)
    }

    @Test func anUnknownRoleIsRejectedWithItsValue() throws {
        var text = String(decoding: try JSONEncoder.status.encode(Self.neverHeard), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"role\" : \"standby\"", with: "\"role\" : \"primary\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NodeStatus.self, from: Data(text.utf8)) }
    }
}
