import Foundation
import Testing

/// `pgpair agent`'s exit statuses before it runs anything: a service manager relies on 78 to stop restarting it.
@Suite struct AgentCommandTests {
    @Test func aConfigurationErrorExits78AndNamesTheLine() async throws {
        let directory = try ConfigDirectory()
        try directory.append("ha.cf", "deadtime soon")
        let outcome = try await PgpairProcess.run(["agent", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78, "\(outcome)")
        #expect(outcome.errorLines.contains { $0.hasPrefix("\(directory.file("ha.cf")):8: ") }, "\(outcome)")
    }

    @Test func anAuthkeysOpenToOthersExits78() async throws {
        let directory = try ConfigDirectory()
        try directory.write("authkeys", ConfigDirectory.authkeys, mode: 0o644)
        let outcome = try await PgpairProcess.run(["agent", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 78, "\(outcome)")
        #expect(outcome.standardError.contains("chmod 600"), "\(outcome)")
    }

    @Test func aStateDirectoryThatCannotBeMadeExits1() async throws {
        let directory = try ConfigDirectory()
        try directory.append(
            "ha.cf", "state_dir /proc/pgpair-cannot-exist\ncontrol_socket \(directory.path)/pgpair.sock")
        let outcome = try await PgpairProcess.run(["agent", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.standardError.contains("/proc/pgpair-cannot-exist"), "\(outcome)")
    }

    @Test func statusWithNoAgentExits3() async throws {
        let directory = try ConfigDirectory()
        try directory.append("ha.cf", "control_socket \(directory.path)/pgpair.sock")
        let outcome = try await PgpairProcess.run(["status", "--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.standardOutput == "")
        #expect(outcome.standardError.contains("no agent answers"), "\(outcome)")
    }
}
