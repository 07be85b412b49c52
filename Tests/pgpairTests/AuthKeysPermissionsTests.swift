import Foundation
import Testing

@Suite struct AuthKeysPermissionsTests {
    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func authkeysOpenToOthersIsAnError(mode: Int) async throws {
        let directory = try ConfigDirectory()
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: directory.file("authkeys"))
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78, "\(outcome)")
        let octal = "0" + String(mode, radix: 8)
        #expect(
            outcome.errorLines == [
                "\(directory.file("authkeys")): authkeys holds the signing keys but is mode \(octal), open to others; "
                    + "run `chmod 600 \(directory.file("authkeys"))`"
            ])
        #expect(outcome.standardOutput == "")
    }

    @Test func authkeysReadableByItsOwnerOnlyIsFine() async throws {
        let directory = try ConfigDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: directory.file("authkeys"))
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 0, "\(outcome)")
    }

    @Test(.enabled(if: getuid() == 0, "changing a file's owner needs root"))
    func authkeysOwnedBySomeoneElseIsAnError() async throws {
        let directory = try ConfigDirectory()
        try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: directory.file("authkeys"))
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78, "\(outcome)")
        #expect(outcome.errorLines.count == 1)
        #expect(outcome.standardError.contains(", not by root, the user pgpair runs as; run `chown root "))
    }
}
