import Testing

@testable import PairLab

struct AgentLabConfigurationTests {
    let topology = LabTopology(runID: "0badcafe")
    var paths: LabPaths { LabPaths(runID: topology.runID) }
    let executables = LabExecutables(binDirectory: "/opt/pgpair/bin")

    @Test func haCFHasTheTimingsBothUcastLinesTheSerialLineAndTheNodesPaths() {
        let text = AgentLabConfiguration(authKey: "k").haCF(
            for: .b, topology: topology, paths: paths, executables: executables, serialDevice: "/dev/pts/7")
        let lines = text.split(separator: "\n").map(String.init)
        for expected in [
            "keepalive 200ms", "deadtime 2000ms", "warntime 1000ms", "initdead 4000ms", "udpport 694",
            "ucast hb0 198.18.2.1", "ucast hb0 198.18.2.2", "serial /dev/pts/7",
            "baud 19200", "node castor", "node pollux", "state_dir /tmp/pgpair-lab-0badcafe/pollux/state",
            "control_socket /tmp/pgpair-lab-0badcafe/pollux/run/pgpair.sock", "logfacility none",
            "logfile /tmp/pgpair-lab-0badcafe/pollux/log/pgpair.log", "pgdata /tmp/pgpair-lab-0badcafe/pollux/pgdata",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
        #expect(!text.contains("castor/"), "nothing of the other node's paths")
    }

    @Test func theLinksAreTheMediaWithoutTheNodesOwnUcastLine() {
        let configuration = AgentLabConfiguration()
        #expect(
            configuration.links(of: .a, topology: topology, serialDevice: "/dev/pts/3") == [
                "ucast hb0 198.18.2.2", "serial /dev/pts/3",
            ])
        let serialOnly = AgentLabConfiguration(media: [.serialLine])
        let text = serialOnly.haCF(
            for: .a, topology: topology, paths: paths, executables: executables, serialDevice: "/dev/pts/3")
        #expect(!text.contains("ucast"))
    }

    @Test func authkeysSignsWithKeyOneAndAnotherKeyIsAnotherKey() {
        let configuration = AgentLabConfiguration()
        #expect(configuration.authKey.count == 64 && configuration.authKey.allSatisfy(\.isHexDigit))
        #expect(configuration.authkeysFile().contains("auth 1\n1 sha256 \(configuration.authKey)\n"))
        let other = configuration.withKey(AgentLabConfiguration.randomKey())
        #expect(other.authKey != configuration.authKey && other.timings == configuration.timings)
        #expect(configuration.authKeys.signingKey?.secret?.bytes == Array(configuration.authKey.utf8))
    }
}
