import Foundation
import Testing

@testable import PairLab

@Suite struct LabRunRecordTests {
    func record(namespaces: [String], root: String = "/tmp/pgpair-lab-0a1b2c3d") -> LabRunRecord {
        LabRunRecord(runID: "0a1b2c3d", ownerPID: 1, ownerStartTime: 1, root: root, namespaces: namespaces)
    }

    @Test func aRecordOfTheLabsOwnNamesIsWellFormed() {
        #expect(record(namespaces: LabTopology(runID: "0a1b2c3d").namespaceNames).isWellFormed)
    }

    @Test func aRecordNamingAnythingElseIsNotSwept() {
        #expect(!record(namespaces: ["pgl-0a1b2c3d-a", "default"]).isWellFormed)
        #expect(!record(namespaces: ["pgl-99999999-a"]).isWellFormed)
        #expect(!record(namespaces: ["pgl-0a1b2c3d-a"], root: "/").isWellFormed)
        #expect(!record(namespaces: ["pgl-0a1b2c3d-a"], root: "/tmp/pgpair-lab-99999999").isWellFormed)
        #expect(!record(namespaces: ["pgl-0a1b2c3d-a"], root: "/home/pgpair-lab-0a1b2c3d/..").isWellFormed)
    }

    @Test func anOwnerIsAliveOnlyWithItsStartTime() throws {
        let me = try #require(ProcessTable.entry(getpid()))
        var record = record(namespaces: [])
        record.ownerPID = me.pid
        record.ownerStartTime = me.startTime
        #expect(record.ownerIsAlive)
        record.ownerStartTime = me.startTime + 1
        #expect(!record.ownerIsAlive)
    }

    @Test func theRegistryRoundTripsRecords() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-registry-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let registry = LabRegistry(directory: directory)
        var written = record(namespaces: ["pgl-0a1b2c3d-a"])
        written.processes = [.init(name: "castor.postgres", pid: 42, startTime: 7)]
        try registry.write(written)
        #expect(registry.records() == [written])
        registry.remove(runID: written.runID)
        #expect(registry.records().isEmpty)
    }
}
