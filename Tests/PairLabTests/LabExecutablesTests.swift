import Foundation
import Testing

@testable import PairLab

@Suite struct LabExecutablesTests {
    @Test func theEnvironmentOverridesWhereProgramsAre() {
        let executables = LabExecutables.fromEnvironment([
            LabExecutables.binDirectoryVariable: "/opt/pgpair/bin",
            LabExecutables.postgresBinDirectoryVariable: "/usr/lib/postgresql/16/bin",
        ])
        #expect(executables.pgpairLab == "/opt/pgpair/bin/pgpair-lab")
        #expect(executables.pgpair == "/opt/pgpair/bin/pgpair")
        #expect(executables.postgres("initdb") == "/usr/lib/postgresql/16/bin/initdb")
    }

    @Test func byDefaultTheProgramsAreNextToTheTests() {
        let executables = LabExecutables.fromEnvironment([:])
        #expect(FileManager.default.isExecutableFile(atPath: executables.pgpairLab), "\(executables.pgpairLab)")
        #expect(executables.postgresBinDirectory == LabExecutables.defaultPostgresBinDirectory)
    }

    @Test func aMissingProgramIsNamed() throws {
        try LabExecutables.require(LabExecutables.systemTools)
        let error = try #require(throws: LabError.self) {
            try LabExecutables.require(["ip", "pgpair-no-such-tool", "/nonexistent/pgpair-lab"])
        }
        #expect(error.code == .missingExecutable)
        #expect(error.message.contains("pgpair-no-such-tool"))
    }
}
