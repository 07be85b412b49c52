import Foundation
import Testing

@testable import PairLab

/// Every test that builds a lab, one at a time: nested suites inherit `.serialized`.
@Suite(.serialized)
enum LabEndToEnd {}

extension LabEndToEnd {
    /// The lab end to end: real namespaces, PostgreSQL, rsync and socat.
    @Suite
    struct LabTests {
        @Test func theClientReadsBackARowThroughNodeA() async throws {
            let linksBefore = try await HostNamespace.linkNames()
            var namespaces: [String] = []
            var recorded: [LabRunRecord.Process] = []
            var root = ""
            try await Lab.with { lab in
                namespaces = lab.topology.namespaceNames
                root = lab.paths.root
                #expect(try await HostNamespace.namespaceNames().isSuperset(of: namespaces))

                try await lab.initializeCluster(on: .a)
                try await lab.startPostgres(on: .a)
                let value = "row-\(UUID().uuidString)"
                let before = try await lab.probe(lab.topology.lanAddress(.a).address, find: value)
                #expect(before.ok && before.found == false, "\(before)")
                let report = try await lab.probe(lab.topology.lanAddress(.a).address, insert: value)
                #expect(report.ok, "\(report)")
                #expect(report.clusterName == LabNode.a.name)
                #expect(report.serverAddress == lab.topology.lanAddress(.a).address)
                #expect(report.readBack == value)
                #expect(report.inRecovery == false)
                #expect(try await lab.sql(on: .a, "SELECT count(*) FROM pgpair_probe WHERE value = '\(value)'") == "1")
                #expect(try await lab.probe(lab.topology.lanAddress(.a).address, find: value).found == true)

                // The test's own namespace: still no route off the machine, and not one lab interface.
                #expect(try await HostNamespace.defaultRoutes().isEmpty)
                let links = try await HostNamespace.linkNames()
                #expect(links == linksBefore)
                #expect(Set(links).isDisjoint(with: lab.topology.interfaceNames))

                recorded = await lab.recordedProcesses
                #expect(recorded.map(\.name).contains("castor.postgres"))
                #expect(HostNamespace.survivors(of: recorded).count == recorded.count)
            }
            #expect(try await HostNamespace.namespaceNames().isDisjoint(with: namespaces))
            #expect(!recorded.isEmpty)
            #expect(HostNamespace.survivors(of: recorded).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: root))
            #expect(!LabRegistry().records().contains { namespaces.contains($0.namespaces.first ?? "") })
        }

        @Test func aSecondLabRightAfterAnotherWorks() async throws {
            var runIDs: [String] = []
            for _ in 0..<2 {
                try await Lab.with { lab in
                    runIDs.append(lab.topology.runID)
                    try await lab.initializeCluster(on: .b)
                    try await lab.startPostgres(on: .b)
                    let report = try await lab.probe(lab.topology.lanAddress(.b).address, insert: "second")
                    #expect(report.ok, "\(report)")
                    #expect(report.clusterName == LabNode.b.name)
                }
            }
            #expect(Set(runIDs).count == 2)
            let left = try await HostNamespace.namespaceNames().filter { name in runIDs.contains { name.contains($0) } }
            #expect(left.isEmpty)
        }

        @Test func faultsCutLinksAndFreezeAndKillANode() async throws {
            try await Lab.with { lab in
                let addressOfA = lab.topology.lanAddress(.a).address
                try await lab.initializeCluster(on: .a)
                let postgres = try await lab.startPostgres(on: .a)
                #expect(try await lab.probe(addressOfA).ok)

                try await lab.cut(.lan(.a))
                #expect(try await lab.probe(addressOfA).ok == false)
                try await lab.restore(.lan(.a))
                #expect(try await lab.probe(addressOfA).ok)

                for link in [LabLink.primary, .heartbeat] {
                    let peer = link == .primary ? lab.topology.primaryAddress(.b) : lab.topology.heartbeatAddress(.b)
                    let ping = ["ping", "-n", "-q", "-c", "1", "-W", "1", peer.address]
                    #expect(try await lab.run(in: .node(.a), ping).succeeded)
                    try await lab.cut(link)
                    #expect(try await lab.run(in: .node(.a), ping).succeeded == false)
                    try await lab.restore(link)
                    #expect(try await lab.run(in: .node(.a), ping).succeeded)
                }

                await lab.freezeProcesses(of: .a)
                #expect(ProcessTable.entry(postgres.pid)?.state == "T")
                let frozen = try await lab.probe(addressOfA)
                #expect(frozen.ok == false)
                #expect(frozen.failure?.code == "connection_failed")
                await lab.thawProcesses(of: .a)
                #expect(try await lab.probe(addressOfA).ok)

                let backends = ProcessTable.descendants(of: postgres.pid)
                #expect(!backends.isEmpty)
                await lab.killProcesses(of: .a)
                #expect(!postgres.isRunning)
                #expect(postgres.exitStatus == .exited(128 + SIGKILL))
                #expect(backends.allSatisfy { !ProcessTable.isAlive(pid: $0.pid, startTime: $0.startTime) })
                #expect(try await lab.probe(addressOfA).ok == false)
                #expect(await lab.runningProcesses(of: .a).isEmpty)
            }
        }

        @Test func theSerialPairCarriesBytesBothWays() async throws {
            try await Lab.with { lab in
                for (from, to) in [(LabNode.a, LabNode.b), (.b, .a)] {
                    let message = "hello from \(from.name)\n"
                    let source = open(lab.paths.serialDevice(of: from), O_WRONLY | O_NOCTTY | O_NONBLOCK)
                    #expect(source >= 0)
                    defer { close(source) }
                    async let received = lab.run(
                        in: .lan,
                        ["timeout", "10", "head", "-c", "\(message.utf8.count)", lab.paths.serialDevice(of: to)]
                    )
                    // The reader may open its end after a first write; repeat until it has read one message.
                    let writer = Task {
                        for _ in 0..<100 where !Task.isCancelled {
                            _ = message.withCString { write(source, $0, strlen($0)) }
                            try? await Task.sleep(for: .milliseconds(100))
                        }
                    }
                    let output = try await received
                    writer.cancel()
                    await writer.value
                    #expect(output.succeeded)
                    #expect(output.standardOutput == message)
                }
            }
        }

        @Test func theRsyncDaemonTakesAuthenticatedCopiesOnly() async throws {
            try await Lab.with { lab in
                try await lab.startRsyncDaemon(on: .b)
                let a = lab.paths.node(.a)
                let file = "\(a.stateDirectory)/payload"
                try Data("copied".utf8).write(to: URL(fileURLWithPath: file))
                let peer = lab.topology.primaryAddress(.b).address
                func push(module: String, passwordFile: String) async throws -> CommandOutput {
                    try await lab.run(
                        in: .node(.a),
                        [
                            "rsync", "--password-file=\(passwordFile)", file,
                            "rsync://\(lab.rsyncUser)@\(peer)/\(module)/",
                        ])
                }

                let pushed = try await push(module: lab.rsyncStagingModule, passwordFile: a.rsyncPasswordFile)
                #expect(pushed.succeeded, "\(pushed.standardError)")
                let copy = "\(lab.paths.node(.b).snapshotDirectory)/payload"
                #expect(FileManager.default.contents(atPath: copy) == Data("copied".utf8))
                let owner = try FileManager.default.attributesOfItem(atPath: copy)[.ownerAccountName] as? String
                #expect(owner == "postgres")

                let wrongPassword = "\(a.stateDirectory)/wrong.secret"
                try Data("not-the-password\n".utf8).write(to: URL(fileURLWithPath: wrongPassword))
                chmod(wrongPassword, 0o600)
                #expect(try await push(module: lab.rsyncStagingModule, passwordFile: wrongPassword).succeeded == false)
                #expect(
                    try await push(module: lab.rsyncDataModule, passwordFile: a.rsyncPasswordFile).succeeded == false)
            }
        }

        @Test func theLabRefusesToStartWhereADefaultRouteExists() async throws {
            // A throwaway namespace whose default route leads into a veth pair with both ends inside it (nothing
            // is sent anyway: the check only reads the table), recorded in the registry so that a crash of this
            // test leaves it to the next sweep.
            let topology = LabTopology.random()
            let namespace = "\(LabTopology.namespacePrefix)\(topology.runID)-check"
            let me = try #require(ProcessTable.entry(getpid()))
            let registry = LabRegistry()
            try registry.write(
                LabRunRecord(
                    runID: topology.runID, ownerPID: me.pid, ownerStartTime: me.startTime, root: "",
                    namespaces: [namespace]
                ))
            defer { registry.remove(runID: topology.runID) }
            try await CommandRunner.check(["ip", "netns", "add", namespace])
            do {
                let preflight = [
                    "ip", "netns", "exec", namespace, LabExecutables.fromEnvironment().pgpairLab, "preflight",
                ]
                try await CommandRunner.check(["ip", "-n", namespace, "link", "set", "lo", "up"])
                #expect(try await CommandRunner.run(preflight).succeeded)

                for command in [
                    ["link", "add", "v0", "type", "veth", "peer", "name", "v1"],
                    ["addr", "add", "198.19.255.1/24", "dev", "v0"], ["link", "set", "v0", "up"],
                    ["link", "set", "v1", "up"],
                    ["route", "add", "default", "via", "198.19.255.254", "dev", "v0"],
                ] {
                    try await CommandRunner.check(["ip", "-n", namespace] + command)
                }
                let refused = try await CommandRunner.run(preflight)
                #expect(!refused.succeeded)
                #expect(refused.standardOutput.contains("not_isolated"))
                #expect(refused.standardOutput.contains("198.19.255.254"))
            } catch {
                Issue.record(error)
            }
            try await CommandRunner.check(["ip", "netns", "delete", namespace])
        }

        @Test func theSweepCleansUpARunWhoseOwnerDied() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-registry-\(UUID())")
                .path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let registry = LabRegistry(directory: directory)
            let topology = LabTopology.random()
            let namespace = topology.namespaceName(.node(.a))
            let root = LabPaths(runID: topology.runID).root
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try await CommandRunner.check(["ip", "netns", "add", namespace])
            let orphan = try await LabProcess.start(
                name: "orphan", node: nil, arguments: ["ip", "netns", "exec", namespace, "sleep", "600"],
                logPath: "\(root)/orphan.log", workingDirectory: "/"
            )
            let me = try #require(ProcessTable.entry(getpid()))
            // The owner's start time does not match: to the sweep, the owner is dead.
            try registry.write(
                LabRunRecord(
                    runID: topology.runID, ownerPID: me.pid, ownerStartTime: me.startTime + 1, root: root,
                    namespaces: [namespace],
                    processes: [.init(name: "orphan", pid: orphan.pid, startTime: orphan.startTime)]
                ))
            let living = LabTopology.random()
            try registry.write(
                LabRunRecord(
                    runID: living.runID, ownerPID: me.pid, ownerStartTime: me.startTime, root: "", namespaces: []
                ))

            let swept = try await registry.sweep(logger: .init(label: "test"))

            #expect(swept == [topology.runID])
            #expect(await orphan.waitForExit(within: .seconds(30)))
            #expect(try await HostNamespace.namespaceNames().contains(namespace) == false)
            #expect(!FileManager.default.fileExists(atPath: root))
            #expect(registry.records().map(\.runID) == [living.runID])
            // Whatever the assertions said, leave nothing behind.
            await orphan.stop(signal: SIGKILL)
            if try await HostNamespace.namespaceNames().contains(namespace) {
                try await CommandRunner.check(["ip", "netns", "delete", namespace])
            }
            try? FileManager.default.removeItem(atPath: root)
        }
    }
}
