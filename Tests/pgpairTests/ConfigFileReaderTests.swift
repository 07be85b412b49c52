import Foundation
import Testing

@Suite struct ConfigFileReaderTests {
    @Test func missingFilesAreEachNamed() async throws {
        let directory = try ConfigDirectory()
        try FileManager.default.removeItem(atPath: directory.file("haresources"))
        try FileManager.default.removeItem(atPath: directory.file("authkeys"))
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78, "\(outcome)")
        #expect(
            outcome.errorLines
                == ["haresources", "authkeys"].map {
                    "\(directory.file($0)): cannot read \($0): No such file or directory; check --config-dir (or "
                        + "PGPAIR_CONFIG_DIR), or copy the sample from etc/pgpair/"
                })
    }

    @Test func missingDirectory() async throws {
        let outcome = try await PgpairProcess.run([
            "check-config", "--config-dir", "/nonexistent/pgpair", "--node", "castor",
        ])
        #expect(outcome.status == 78)
        #expect(outcome.errorLines.count == 3)
        #expect(outcome.errorLines.first?.hasPrefix("/nonexistent/pgpair/ha.cf: cannot read ha.cf:") == true)
    }

    @Test func configDirectoryWithATrailingSlash() async throws {
        let directory = try ConfigDirectory()
        let outcome = try await PgpairProcess.run([
            "check-config", "--config-dir", directory.path + "/", "--node", "castor",
        ])
        #expect(outcome.status == 0, "\(outcome)")
    }

    @Test func aDirectoryInsteadOfAFile() async throws {
        let directory = try ConfigDirectory()
        try FileManager.default.removeItem(atPath: directory.file("haresources"))
        try FileManager.default.createDirectory(
            atPath: directory.file("haresources"), withIntermediateDirectories: false)
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78)
        #expect(
            outcome.errorLines == [
                "\(directory.file("haresources")): cannot read haresources: Is a directory; check --config-dir (or "
                    + "PGPAIR_CONFIG_DIR), or copy the sample from etc/pgpair/"
            ])
    }

    @Test func notUTF8() async throws {
        let directory = try ConfigDirectory()
        try Data([0x6e, 0x6f, 0x64, 0x65, 0x20, 0xff, 0xfe]).write(to: URL(fileURLWithPath: directory.file("ha.cf")))
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78)
        #expect(outcome.standardError.contains("cannot read ha.cf: it is not UTF-8 text"))
    }
}
