import Testing

@testable import PairLab

struct LabGuardSettingsTests {
    let topology = LabTopology(runID: "0badcafe")
    var paths: LabPaths { LabPaths(runID: topology.runID) }
    let root = "/tmp/pgpair-lab-0badcafe/fence"

    @Test func noGuardsWriteNoLines() {
        #expect(LabGuardSettings().haCFLines(for: .a, topology: topology, paths: paths).isEmpty)
    }

    @Test func pingTargetsAndTimingsAreWrittenAsHaCFReadsThem() {
        let guards = LabGuardSettings(
            pingTargets: ["198.18.0.10"], fence: .command(.failing), fenceTimeout: .seconds(5),
            fenceDelay: .milliseconds(1_500))
        #expect(
            guards.haCFLines(for: .a, topology: topology, paths: paths) == [
                "ping 198.18.0.10", "fence command \(root)/bin/fence-fails", "fence_timeout 5000ms",
                "fence_delay 1500ms",
            ])
    }

    @Test(arguments: [
        (
            LabGuardSettings.Fence.sshToFenceHost(.complete), LabNode.a,
            "fence ssh root@198.18.0.20 key=/tmp/pgpair-lab-0badcafe/fence/user_key "
                + "known_hosts=/tmp/pgpair-lab-0badcafe/fence/known_hosts "
                + "command=/tmp/pgpair-lab-0badcafe/fence/bin/fence-node pollux"
        ),
        (
            .sshToFenceHost(.withoutFenceHost), .b,
            "fence ssh root@198.18.0.20 key=/tmp/pgpair-lab-0badcafe/fence/user_key "
                + "known_hosts=/tmp/pgpair-lab-0badcafe/fence/known_hosts_without_fence_host "
                + "command=/tmp/pgpair-lab-0badcafe/fence/bin/fence-node castor"
        ),
        (
            .sshToPeer, .b,
            "fence ssh root@198.18.0.1 key=/tmp/pgpair-lab-0badcafe/fence/user_key "
                + "known_hosts=/tmp/pgpair-lab-0badcafe/fence/known_hosts "
                + "command=/tmp/pgpair-lab-0badcafe/fence/bin/stop-castor"
        ),
        (.command(.nodeDeath), .a, "fence command /tmp/pgpair-lab-0badcafe/fence/bin/fence-node"),
    ])
    func eachNodeFencesItsPeer(fence: LabGuardSettings.Fence, node: LabNode, line: String) {
        #expect(LabGuardSettings(fence: fence).haCFLines(for: node, topology: topology, paths: paths) == [line])
    }

    @Test func theFenceProgramsNameOnlyLabNodesAndTheLabsOwnFiles() {
        let fencing = paths.fencing
        let nodeDeath = fencing.nodeDeathScript()
        #expect(nodeDeath.contains("castor|pollux) ;;"))
        #expect(nodeDeath.contains("\(root)/requests/") && nodeDeath.contains("\(root)/done/"))
        let stop = fencing.stopScript(for: .a, topology: topology)
        #expect(stop.contains("\(root)/pids/castor"))
        #expect(stop.contains("ip addr del 198.18.0.100/24 dev lan0"))
        let sshd = fencing.sshdConfiguration(.fence, address: "198.18.0.20")
        for line in ["ListenAddress 198.18.0.20", "PidFile none", "UsePAM no", "PasswordAuthentication no"] {
            #expect(sshd.contains(line + "\n"), "\(line)")
        }
    }

    @Test func aScriptOnlyGroupHasNeitherAddressNorPostgres() {
        let settings = LabServiceSettings.scriptOnly
        #expect(settings.resourceWords(topology: topology) == ["order::first"])
        #expect(settings.usesOrderScript)
        #expect(
            AgentLabConfiguration(service: settings).haresources(topology: topology).split(separator: "\n")
                .contains("castor order::first"))
    }
}
