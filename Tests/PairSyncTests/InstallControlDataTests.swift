import Testing

@testable import PairSync

@Suite struct InstallControlDataTests {
    static let output = """
        pg_control version number:            1300
        Catalog version number:               202209061
        Database system identifier:           7305210376329867293
        Database cluster state:               shut down
        pg_control last modified:             Sat 21 Nov 2026 10:24:32 AM UTC
        Latest checkpoint location:           1/2A000028
        Latest checkpoint's REDO location:    1/2A000028
        Latest checkpoint's REDO WAL file:    00000001000000010000002A
        Latest checkpoint's TimeLineID:       1
        """

    @Test func theStateAndPositionsAreRead() throws {
        let data = try #require(DataDirectoryControlData.parse(Self.output))
        #expect(data.clusterState == "shut down")
        #expect(data.isShutDown)
        #expect(data.checkpoint == WALPosition(0x1_2A00_0028))
        #expect(data.redo == WALPosition(0x1_2A00_0028))
    }

    @Test(arguments: ["in production", "in crash recovery", "shutting down"])
    func aClusterNotShutDownCleanlyIsNotShutDown(state: String) throws {
        let text = Self.output.replacingOccurrences(of: "shut down\n", with: "\(state)\n")
        let data = try #require(DataDirectoryControlData.parse(text))
        #expect(!data.isShutDown)
    }

    @Test func aCRCWarningMeansTheValuesCannotBeTrusted() {
        let text = "WARNING: Calculated CRC checksum does not match value stored in file.\n" + Self.output
        #expect(DataDirectoryControlData.parse(text) == nil)
    }

    @Test func aMissingLineIsNoControlData() {
        let text = Self.output.split(separator: "\n").filter { !$0.hasPrefix("Latest checkpoint location") }
            .joined(separator: "\n")
        #expect(DataDirectoryControlData.parse(text) == nil)
    }
}
