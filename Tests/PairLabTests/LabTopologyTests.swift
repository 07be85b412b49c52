import Testing

@testable import PairLab

@Suite struct LabTopologyTests {
    let topology = LabTopology(runID: "0a1b2c3d")

    @Test func interfaceNamesFitTheKernelLimit() {
        for name in topology.interfaceNames {
            #expect(name.utf8.count <= 15, "\(name) is longer than IFNAMSIZ - 1")
        }
    }

    @Test func everyAddressIsInTheBenchmarkingRangeAndDistinct() {
        let addresses =
            LabNode.allCases.flatMap(topology.addresses) + [topology.clientAddress, topology.serviceAddress]
        #expect(Set(addresses.map(\.address)).count == addresses.count)
        for address in addresses {
            #expect(topology.labRange.contains(address.address), "\(address) is outside 198.18.0.0/15")
            #expect(!IPv4Interface("192.0.2.0", prefixLength: 24).contains(address.address))
        }
    }

    @Test func eachLinkJoinsItsOwnSubnet() {
        #expect(topology.primaryAddress(.a).contains(topology.primaryAddress(.b).address))
        #expect(topology.heartbeatAddress(.a).contains(topology.heartbeatAddress(.b).address))
        #expect(!topology.primaryAddress(.a).contains(topology.heartbeatAddress(.b).address))
        #expect(topology.lanSubnet.contains(topology.serviceAddress.address))
        #expect(topology.lanSubnet.contains(topology.clientAddress.address))
        #expect(!topology.lanSubnet.contains(topology.primaryAddress(.a).address))
    }

    @Test func namespaceNamesCarryTheRunID() {
        #expect(
            topology.namespaceNames == [
                "pgl-0a1b2c3d-a", "pgl-0a1b2c3d-b", "pgl-0a1b2c3d-lan", "pgl-0a1b2c3d-client", "pgl-0a1b2c3d-fence",
            ])
        for name in topology.namespaceNames {
            #expect(LabTopology.isLabNamespaceName(name))
        }
    }

    @Test(arguments: [
        "default", "pgl-0a1b2c3d", "pgl-0A1B2C3D-a", "pgl-0a1b2c3-a", "pgl-0a1b2c3d-x", "xpgl-0a1b2c3d-a", "",
    ])
    func foreignNamesAreNotLabNames(_ name: String) {
        #expect(!LabTopology.isLabNamespaceName(name))
    }

    @Test func linkEndsNameBothSides() {
        let lan = topology.ends(of: .lan(.b))
        #expect(lan.map(\.namespace) == [.node(.b), .lan])
        #expect(lan.map(\.interface) == ["lan0", "port-b"])
        #expect(topology.ends(of: .heartbeat).map(\.namespace) == [.node(.a), .node(.b)])
    }

    @Test func nodesHaveDistinctPaths() {
        let paths = LabPaths(runID: topology.runID)
        let a = paths.node(.a)
        let b = paths.node(.b)
        let ofA = [
            a.pgdata, a.postgresSocketDirectory, a.stateDirectory, a.snapshotDirectory, a.syncLockfile, a.controlSocket,
        ]
        let ofB = [
            b.pgdata, b.postgresSocketDirectory, b.stateDirectory, b.snapshotDirectory, b.syncLockfile, b.controlSocket,
        ]
        #expect(Set(ofA).isDisjoint(with: ofB))
        #expect((ofA + ofB).allSatisfy { $0.hasPrefix("/tmp/pgpair-lab-0a1b2c3d/") })
        #expect(paths.serialDevice(of: .a) != paths.serialDevice(of: .b))
    }
}
