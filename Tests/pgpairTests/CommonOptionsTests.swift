import Testing

@Suite struct CommonOptionsTests {
    @Test func environmentSuppliesConfigDirectoryAndNode() async throws {
        let directory = try ConfigDirectory()
        let outcome = try await PgpairProcess.run(
            ["check-config"], environment: ["PGPAIR_CONFIG_DIR": directory.path, "PGPAIR_NODE": "pollux"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.hasPrefix("nodes: pollux (this node), castor (peer)\n"))
        #expect(outcome.standardOutput.contains("ucast hb0 192.0.2.1 (udp port 694)"))
    }

    @Test func optionsWinOverTheEnvironment() async throws {
        let directory = try ConfigDirectory()
        let outcome = try await PgpairProcess.run(
            ["check-config", "--config-dir", directory.path, "--node", "castor"],
            environment: ["PGPAIR_CONFIG_DIR": "/nonexistent", "PGPAIR_NODE": "pollux"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.hasPrefix("nodes: castor (this node)"))
    }

    @Test func defaultConfigDirectoryIsEtcPgpair() async throws {
        let outcome = try await PgpairProcess.run(["check-config", "--node", "castor"])
        #expect(outcome.standardError.contains("/etc/pgpair/ha.cf"), "\(outcome)")
    }

    @Test(arguments: [
        ["check-config", "--bogus"], ["check-config", "--node"], ["no-such-command"],
        ["check-config", "--node", ""], ["check-config", "--config-dir", ""], ["check-config", "extra"],
    ])
    func usageErrorsExit64(arguments: [String]) async throws {
        let outcome = try await PgpairProcess.run(arguments)
        #expect(outcome.status == 64, "\(outcome)")
    }

    @Test func helpExitsZero() async throws {
        let outcome = try await PgpairProcess.run(["check-config", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("--config-dir <dir>"))
        #expect(outcome.standardOutput.contains("PGPAIR_NODE"))
    }
}
