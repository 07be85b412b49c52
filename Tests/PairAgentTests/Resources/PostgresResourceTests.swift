import Testing

@testable import PairAgent

@Suite("PostgresResource")
struct PostgresResourceTests {
    @Test(
        "the newest copy is installed only under a stopped cluster; a running one is left alone",
        arguments: [
            (FakePostgresControl.Answer.stopped, ["status", "install", "start"]),
            (.running, ["status"]),
            (.notAnswering, ["status", "start"]),
        ])
    func installOnlyWhenStopped(answer: FakePostgresControl.Answer, expected: [String]) async throws {
        let control = FakePostgresControl(answer: answer)
        let resource = PostgresResource(
            name: "pgsql", dataDirectory: "/srv/pg", control: control, installer: control)
        try await resource.start()
        #expect(control.calls == expected)
    }
}
