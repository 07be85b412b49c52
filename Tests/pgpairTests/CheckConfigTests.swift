import Foundation
import Testing

@Suite struct CheckConfigTests {
    @Test func goodConfigurationPrintsTheSummaryAndExitsZero() async throws {
        let directory = try ConfigDirectory()
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardError == "")
        #expect(outcome.standardOutput.hasPrefix("nodes: castor (this node), pollux (peer)\nmedia:\n"))
        #expect(outcome.standardOutput.contains("  serial /dev/ttyS0 at 19200 baud\n"))
        #expect(outcome.standardOutput.contains("  warntime 5s (derived: deadtime/2)\n"))
        #expect(outcome.standardOutput.contains("  initdead 20s (derived: 2 × deadtime, as deadtime is 6s to 10s)\n"))
        #expect(outcome.standardOutput.contains("  10.0.0.100 (home castor): IPaddr 10.0.0.100 -> pgsql "))
        #expect(!outcome.standardOutput.contains("0123456789abcdef"))
    }

    @Test func warningsGoToStandardErrorAndStillExitZero() async throws {
        let directory = try ConfigDirectory()
        try directory.append("ha.cf", "realtime on")
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(
            outcome.errorLines == [
                "\(directory.file("ha.cf")):8: warning: `realtime` is a heartbeat directive pgpair does not use: "
                    + "pgpair always runs its heartbeat path with real-time priority where the system allows"
            ])
        #expect(outcome.standardOutput.hasPrefix("nodes: castor"))
    }

    @Test func everyErrorOfEveryFileIsPrintedAndExits78() async throws {
        let directory = try ConfigDirectory()
        try directory.append("ha.cf", "keepalive soon\nbogus\nauto_failback legacy")
        try directory.write("haresources", "castor 10.0.0.100 pgsql\nhelene IPaddr::10.0.0.101/99\n")
        try directory.write("authkeys", "auth 2\n1 sha256 0123456789abcdef0123456789abcdef\n", mode: 0o600)
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78, "\(outcome)")
        #expect(outcome.standardOutput == "")
        let places = outcome.errorLines.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(
            places == [
                "\(directory.file("ha.cf")):8:", "\(directory.file("ha.cf")):9:", "\(directory.file("ha.cf")):10:",
                "\(directory.file("haresources")):2:", "\(directory.file("haresources")):2:",
                "\(directory.file("authkeys")):1:",
            ], "\(outcome)")
    }

    @Test func thisNodeMustBeInTheConfiguration() async throws {
        let directory = try ConfigDirectory()
        let outcome = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "helene"])
        #expect(outcome.status == 78)
        #expect(
            outcome.errorLines == [
                "\(directory.file("ha.cf")): this node, helene, is not one of the nodes (castor, pollux); add "
                    + "`node helene` or run with --node NAME"
            ])
    }

    @Test func scriptsAreLookedUpInResourceD() async throws {
        let directory = try ConfigDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("resource.d"), withIntermediateDirectories: true)
        try directory.write("resource.d/pgpair-test-script", "#!/bin/sh\nexit 0\n", mode: 0o755)
        try directory.write("haresources", "castor 10.0.0.100 pgsql pgpair-test-script::a\n")
        let good = try await PgpairProcess.run(["check-config", "--config-dir", directory.path, "--node", "castor"])
        #expect(good.status == 0, "\(good)")
        #expect(good.standardOutput.contains("-> \(directory.file("resource.d/pgpair-test-script")) a\n"))

        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644],
            ofItemAtPath: directory.file("resource.d/pgpair-test-script"))
        let notExecutable = try await PgpairProcess.run([
            "check-config", "--config-dir", directory.path, "--node", "castor",
        ])
        #expect(notExecutable.status == 78)
        #expect(notExecutable.standardError.contains("is not executable: run `chmod 755 "))
    }
}
