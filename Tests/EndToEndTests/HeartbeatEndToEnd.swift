import Foundation
import PairCore
import PairLab
import Testing

/// Two real agents in the lab, talking over the heartbeat link (UDP unicast) and the serial pair. The tests
/// assert what each agent reports (`pgpair status --json`) and logs after each fault, never how fast: every
/// wait is a generous bound (timings: keepalive 200 ms, deadtime 2 s, warntime 1 s, initdead 4 s). The labs have no
/// cluster, so their group is the lab's order script alone (`LabServiceSettings.scriptOnly`).
@Suite(.serialized)
struct HeartbeatEndToEnd {
    @Test func bothAgentsSeeEachOtherUpOnBothMedia() async throws {
        let configuration = AgentLabConfiguration(service: .scriptOnly)
        try await AgentPair.with(configuration) { lab in
            for node in LabNode.allCases {
                let check = try await lab.run(
                    in: .node(node), [lab.executables.pgpair, "check-config"] + lab.pgpairOptions(for: node))
                #expect(check.succeeded, "check-config on \(node): \(check.standardOutput) \(check.standardError)")

                let status = try await lab.status(of: node)
                let media = try AgentPair.media(of: node, in: lab)
                #expect(status.node == node.name)
                #expect(status.peer.node == node.peer.name)
                #expect(status.peer.state == .up, "\(status.json)")
                #expect(status.peer.links.map(\.medium) == [media.unicast, media.serial], "\(status.json)")
                #expect(status.peer.links.allSatisfy { $0.state == .up && $0.lastHeardMilliseconds != nil })
                #expect(status.peer.role != nil && status.peer.epoch != nil, "\(status.json)")
                #expect(status.generation >= 1)
                // Genuine traffic is never taken for forged or replayed, though every message comes twice.
                #expect(status.peer.rejected.auth == 0 && status.peer.rejected.replay == 0, "\(status.json)")
            }
        }
    }

    @Test func aCutLinkGoesDownWhileThePeerStaysUpUntilEveryLinkIsSilent() async throws {
        try await AgentPair.with(AgentLabConfiguration(service: .scriptOnly)) { lab in
            try await lab.cut(.heartbeat)
            for node in LabNode.allCases {
                let media = try AgentPair.media(of: node, in: lab)
                var peerLeftUp: [String] = []
                let status = try await lab.waitFor("the heartbeat link down", on: node) { status in
                    if status.peer.state != .up { peerLeftUp.append(status.json) }
                    return status.peer.link(media.unicast)?.state == .down
                }
                #expect(peerLeftUp.isEmpty, "the peer must stay up on the serial line: \(peerLeftUp)")
                #expect(status.peer.state == .up)
                #expect(status.peer.link(media.serial)?.state == .up, "\(status.json)")
                #expect(AgentPair.log(of: node, in: lab).contains("heartbeat link down"))
            }

            try await lab.restore(.heartbeat)
            for node in LabNode.allCases {
                let status = try await lab.waitFor("every link up again", on: node) { $0.peerUpOnEveryLink }
                #expect(status.peer.state == .up)
            }

            try await lab.cut(.heartbeat)
            try await lab.endSerialPair()
            for node in LabNode.allCases {
                let status = try await lab.waitFor("the peer dead", on: node) { $0.peer.state == .dead }
                #expect(status.peer.links.allSatisfy { $0.state == .down }, "\(status.json)")
                #expect(AgentPair.log(of: node, in: lab).contains("peer dead"))
            }
        }
    }

    @Test func aKilledAgentIsDeclaredDeadAndItsStatusCommandFindsNoAgent() async throws {
        try await AgentPair.with(AgentLabConfiguration(service: .scriptOnly)) { lab in
            try await lab.killAgent(on: .b)
            let status = try await lab.waitFor("the peer dead", on: .a) { $0.peer.state == .dead }
            #expect(status.peer.links.allSatisfy { $0.state == .down }, "\(status.json)")
            #expect(AgentPair.log(of: .a, in: lab).contains("peer dead"))

            let gone = try await lab.statusCommand(of: .b)
            #expect(gone.exitCode == 3, "\(gone)")
            #expect(gone.standardOutput.isEmpty)
            #expect(!gone.standardError.isEmpty)
        }
    }

    @Test func aRestartedAgentHasANewerGenerationAndIsSeenUpAgain() async throws {
        try await AgentPair.with(AgentLabConfiguration(service: .scriptOnly)) { lab in
            let before = try await lab.status(of: .b).generation
            let exit = try await lab.stopAgent(on: .b)
            #expect(exit == .exited(0), "the agent exits 0 after SIGTERM: \(lab.agentLogTail(of: .b))")
            #expect(try await lab.statusCommand(of: .b).exitCode == 3)

            try await lab.startAgent(on: .b)
            let after = try await lab.status(of: .b).generation
            #expect(after > before)
            // The restart is a newer generation: the peer counts it, not a replay.
            let view = try await lab.waitFor("pollux up on every link", on: .a) { $0.peerUpOnEveryLink }
            #expect(view.peer.rejected.replay == 0, "\(view.json)")
            try await lab.waitFor("castor up on every link", on: .b) { $0.peerUpOnEveryLink }
        }
    }

    @Test func forgedGarbageAndReplayedDatagramsAreCountedAndChangeNothing() async throws {
        let configuration = AgentLabConfiguration(service: .scriptOnly)
        try await AgentPair.with(configuration) { lab in
            let castor = lab.topology.heartbeatAddress(.a).address
            let pollux = lab.topology.heartbeatAddress(.b).address
            let port = AgentLabConfiguration.udpPort
            // A genuine heartbeat from pollux, as it arrives on castor's heartbeat link.
            let captured = try await lab.captureUDP(
                in: .node(.a), interface: lab.topology.heartbeatInterface, port: port, from: pollux)[0]
            #expect(String(decoding: captured, as: UTF8.self).hasPrefix(">>>\n"))

            let baseline = try await lab.status(of: .a).peer.rejected
            let polluxGeneration = try await lab.status(of: .b).generation

            // Signed with another key, and far ahead in pollux's stream: accepting it would make every
            // genuine message after it look like a replay.
            let forger = HeartbeatCodec(keys: configuration.withKey(AgentLabConfiguration.randomKey()).authKeys)
            let forged = forger.encode(
                HeartbeatMessage(
                    sender: LabNode.b.name, generation: polluxGeneration, sequence: 1 << 40, role: .standby,
                    heldGroups: [], epoch: 0, copy: nil, deadtime: AgentTimings.endToEnd.deadtime))
            try await lab.sendUDP(forged, from: .node(.b), to: castor, port: port)
            try await lab.waitFor("the forged datagram counted", on: .a) {
                $0.peer.rejected.auth == baseline.auth + 1
            }

            try await lab.sendUDP(randomBytes(300), from: .node(.b), to: castor, port: port)
            try await lab.waitFor("the garbage counted", on: .a) { $0.peer.rejected.malformed > baseline.malformed }

            try await lab.sendUDP(captured, from: .node(.b), to: castor, port: port)
            try await lab.waitFor("the replay counted", on: .a) { $0.peer.rejected.replay == baseline.replay + 1 }

            // Genuine heartbeats still count: wait a full deadtime so a wrongly accepted forgery would show.
            try await Task.sleep(for: AgentTimings.endToEnd.deadtime + .milliseconds(500))
            let status = try await lab.waitFor("every link up", on: .a) { $0.peerUpOnEveryLink }
            #expect(status.peer.rejected.auth == baseline.auth + 1, "\(status.json)")
            #expect(status.peer.rejected.replay == baseline.replay + 1, "\(status.json)")
            #expect(status.peer.rejected.malformed > baseline.malformed, "\(status.json)")
            #expect(status.peer.link(try AgentPair.media(of: .a, in: lab).unicast)?.state == .up)
            #expect(AgentPair.log(of: .a, in: lab).contains("heartbeat rejected"))
            let polluxView = try await lab.status(of: .b)
            #expect(polluxView.peerUpOnEveryLink, "\(polluxView.json)")
        }
    }

    /// A key accepted after SIGHUP signs messages that pass authentication (an old sequence makes them count as
    /// replays); once SIGHUP has removed that key, the same messages are `auth` rejections.
    @Test func aKeyRemovedFromAuthkeysBySIGHUPNoLongerAuthenticates() async throws {
        let configuration = AgentLabConfiguration(service: .scriptOnly)
        try await AgentPair.with(configuration) { lab in
            let castor = lab.topology.heartbeatAddress(.a).address
            let port = AgentLabConfiguration.udpPort
            let authkeys = "\(lab.paths.node(.a).configDirectory)/authkeys"
            let agent = try #require(await lab.agentProcess(on: .a))
            let secondKey = AgentLabConfiguration.randomKey()
            let polluxGeneration = try await lab.status(of: .b).generation
            // Signed with key 2 alone; an old position, so it can never disturb the link.
            let signer = try #require(
                AuthKeys.parse(ConfigFile(path: "authkeys", text: "auth 2\n2 sha256 \(secondKey)\n")).value)
            let message = HeartbeatCodec(keys: signer).encode(
                HeartbeatMessage(
                    sender: LabNode.b.name, generation: polluxGeneration, sequence: 1, role: .standby,
                    heldGroups: [], epoch: 0, copy: nil, deadtime: AgentTimings.endToEnd.deadtime))

            func write(_ text: String) throws {
                try Data(text.utf8).write(to: URL(fileURLWithPath: authkeys))
                chmod(authkeys, 0o600)
                agent.send(SIGHUP)
            }
            /// Sends the key-2 message until `counted` holds for castor's rejection counts.
            func sendUntil(_ what: String, _ counted: (AgentStatusReport.Rejected) -> Bool) async throws {
                for _ in 0..<50 {
                    try await lab.sendUDP(message, from: .node(.b), to: castor, port: port)
                    try await Task.sleep(for: .milliseconds(100))
                    if counted(try await lab.status(of: .a).peer.rejected) { return }
                }
                Issue.record("never counted: \(what)")
            }

            try write("auth 1\n1 sha256 \(configuration.authKey)\n2 sha256 \(secondKey)\n")
            let before = try await lab.status(of: .a).peer.rejected
            try await sendUntil("key 2 accepted (a replay, not an auth failure)") { $0.replay > before.replay }
            #expect(try await lab.status(of: .a).peer.rejected.auth == before.auth)

            try write("auth 1\n1 sha256 \(configuration.authKey)\n")
            let removed = try await lab.status(of: .a).peer.rejected
            try await sendUntil("key 2 rejected after its removal") { $0.auth > removed.auth }
            // pollux's genuine heartbeats, signed with key 1, still count.
            let status = try await lab.waitFor("every link up", on: .a) { $0.peerUpOnEveryLink }
            #expect(status.peerUpOnEveryLink, "\(status.json)")
        }
    }

    @Test func randomBytesOnTheSerialLineAreCountedAndDoNotDisturbTheAgent() async throws {
        try await AgentPair.with(AgentLabConfiguration(service: .scriptOnly)) { lab in
            let serial = try AgentPair.media(of: .b, in: lab).serial
            let baseline = try await lab.status(of: .b).peer.rejected.malformed
            for _ in 0..<4 {
                try await lab.writeToSerialLine(of: .a, randomBytes(1_500))
                try await Task.sleep(for: .milliseconds(300))
            }
            try await lab.waitFor("the noise counted", on: .b) { $0.peer.rejected.malformed > baseline }
            // Heartbeats on the serial line still count after the noise.
            try await Task.sleep(for: AgentTimings.endToEnd.deadtime)
            let status = try await lab.waitFor("every link up", on: .b) { $0.peerUpOnEveryLink }
            #expect(status.peer.link(serial)?.state == .up, "\(status.json)")
            #expect(try await lab.status(of: .a).peerUpOnEveryLink)
        }
    }

    @Test func aLonelyAgentWaitsInitdeadThenDeclaresItsPeerDeadAndWelcomesItLater() async throws {
        var timings = AgentTimings.endToEnd
        timings.initdead = .seconds(12)
        try await Lab.with { lab in
            try await lab.writeAgentConfiguration(AgentLabConfiguration(timings: timings, service: .scriptOnly))
            try await lab.startAgent(on: .a)
            let first = try await lab.status(of: .a)
            #expect(first.peer.state == .unknown, "\(first.json)")
            #expect(first.peer.role == nil && first.peer.epoch == nil, "\(first.json)")
            #expect(first.peer.links.allSatisfy { $0.state == .down && $0.lastHeardMilliseconds == nil })

            try await lab.waitFor("the peer dead after initdead", on: .a) { $0.peer.state == .dead }

            try await lab.startAgent(on: .b)
            try await lab.waitFor("the peer up on every link", on: .a) { $0.peerUpOnEveryLink }
        }
    }

    @Test func aFrozenPeerThatComesBackBeforeDeadtimeIsLate() async throws {
        var timings = AgentTimings.endToEnd
        // Room between warntime and deadtime, so a short freeze is late without being death.
        timings.warntime = .milliseconds(600)
        timings.deadtime = .seconds(4)
        timings.initdead = .seconds(4)
        try await AgentPair.with(AgentLabConfiguration(timings: timings, service: .scriptOnly)) { lab in
            await lab.freezeProcesses(of: .b)
            try await Task.sleep(for: .milliseconds(1_500))
            await lab.thawProcesses(of: .b)
            try await lab.waitFor("every link up", on: .a) { $0.peerUpOnEveryLink }
            let log = AgentPair.log(of: .a, in: lab)
            #expect(log.contains("late heartbeat"), "\(log.suffix(2_000))")
        }
    }

    private func randomBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max) }
    }
}
