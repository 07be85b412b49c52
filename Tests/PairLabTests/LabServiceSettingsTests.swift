import Testing

@testable import PairLab

struct LabServiceSettingsTests {
    let topology = LabTopology(runID: "0badcafe")
    var paths: LabPaths { LabPaths(runID: topology.runID) }
    let executables = LabExecutables(binDirectory: "/opt/pgpair/bin")

    @Test func haCFRunsEachNodesOwnClusterUnderItsNameAsPostgres() {
        let text = AgentLabConfiguration(authKey: "k").haCF(
            for: .b, topology: topology, paths: paths, executables: executables, serialDevice: "/dev/pts/7")
        let lines = text.split(separator: "\n").map(String.init)
        let root = "/tmp/pgpair-lab-0badcafe/pollux"
        for expected in [
            "pgdata \(root)/pgdata", "pg_bindir /usr/lib/postgresql/15/bin", "pg_port 5432", "pg_user postgres",
            "pg_conninfo host=\(root)/postgresql dbname=postgres user=postgres",
            "pg_options -c cluster_name=pollux -c listen_addresses=* -c unix_socket_directories=\(root)/postgresql",
            "monitor_interval 500ms", "restart_limit 3", "resource_timeout 60000ms", "auto_failback off",
            "cold_start_takeover no",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
        #expect(!text.contains("castor/"), "nothing of the other node's paths")
    }

    @Test func haresourcesPutsTheServiceAddressOnTheLANInterfaceBeforePostgres() {
        let plain = AgentLabConfiguration().haresources(topology: topology)
        #expect(plain.split(separator: "\n").contains("castor 198.18.0.100/24/lan0 pgsql"))
        #expect(LabServiceSettings().groupName(topology: topology) == "198.18.0.100/24/lan0")

        let ordered = AgentLabConfiguration(service: LabServiceSettings(recordsOrder: true)).haresources(
            topology: topology)
        #expect(ordered.split(separator: "\n").contains("castor 198.18.0.100/24/lan0 order::first pgsql order::last"))
    }

    @Test func theOrderScriptLooksAtItsOwnNodeOnly() {
        let script = LabOrderScript.script(for: .a, topology: topology, paths: paths)
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(script.contains("/tmp/pgpair-lab-0badcafe/castor/pgdata/postmaster.pid"))
        #expect(script.contains("/tmp/pgpair-lab-0badcafe/castor/log/resource-order.log"))
        #expect(script.contains("ip -o -4 addr show dev lan0 | grep -q \" 198.18.0.100/\""))
        #expect(!script.contains("pollux"))
    }

    @Test func orderRecordsAreReadBackInOrderAndAnythingElseIsSkipped() {
        let text = """
            first start address=up postgres=down
            last start address=up postgres=up
            garbage
            last stop address=up postgres=sometimes
            first stop address=down postgres=down

            """
        #expect(
            LabOrderScript.records(in: text) == [
                .init(instance: "first", action: "start", addressUp: true, postgresUp: false),
                .init(instance: "last", action: "start", addressUp: true, postgresUp: true),
                .init(instance: "first", action: "stop", addressUp: false, postgresUp: false),
            ])
        #expect(LabOrderScript.records(in: text)[0].description == "first start address=up postgres=down")
    }
}
