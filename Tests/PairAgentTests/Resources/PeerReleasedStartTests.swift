import Logging
import Testing

@testable import PairAgent

/// Why a group starts reaches the `pgsql` install step: the group runner hands `peerReleased` to every resource, and
/// the PostgreSQL resource to its installer; a plain start says the peer did not release it.
@Suite("a start carries whether the peer released the group")
struct PeerReleasedStartTests {
    static func runner(_ installer: RecordingInstaller) -> GroupRunner {
        let resource = PostgresResource(
            name: "pgsql", dataDirectory: "/srv/pg", control: FakePostgresControl(answer: .stopped),
            installer: installer)
        return GroupRunner(
            name: "10.0.0.100", resources: [resource], timeout: .seconds(5), logger: Logger(label: "pgpair.test"))
    }

    @Test("the handshake's start tells the installer; every other start does not")
    func theFlagReachesTheInstaller() async throws {
        let installer = RecordingInstaller()
        let runner = Self.runner(installer)

        #expect(await runner.start(peerReleased: true) == .succeeded)
        #expect(await runner.start() == .succeeded)
        #expect(await runner.start(peerReleased: false) == .succeeded)

        #expect(installer.peerReleased == [true, false, false])
        #expect(installer.directories == ["/srv/pg", "/srv/pg", "/srv/pg"])
    }
}
