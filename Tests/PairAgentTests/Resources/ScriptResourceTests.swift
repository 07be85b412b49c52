import Testing

@testable import PairAgent

@Suite("ScriptResource")
struct ScriptResourceTests {
    @Test("start, status and stop call the script with its arguments, then the action; 0 running, 3 stopped")
    func lifecycle() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("web")
        let resource = scripts.resource("web", arguments: ["8080", "blue"])

        #expect(try await resource.status() == .stopped)
        try await resource.start()
        #expect(try await resource.status() == .running)
        try await resource.stop()
        #expect(try await resource.status() == .stopped)
        #expect(
            scripts.calls == [
                "web 8080 blue status", "web 8080 blue start", "web 8080 blue status", "web 8080 blue stop",
                "web 8080 blue status",
            ])
    }

    @Test("a status exit code other than 0 and 3 is an error")
    func unknownStatus() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("odd", failStatus: true)
        await #expect(throws: ResourceError.self) { try await scripts.resource("odd").status() }
    }

    @Test("a failing start throws and quotes the exit status")
    func failingStart() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("broken", failStart: true)
        let error = await #expect(throws: ResourceError.self) { try await scripts.resource("broken").start() }
        #expect(error?.message.contains("exit status 1") == true)
    }

    @Test("stop of a stopped resource succeeds, even when an old script's stop exits non-zero but status says 3")
    func stopOfStopped() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("plain")
        try scripts.add("legacy", failStop: true)
        try await scripts.resource("plain").stop()
        try await scripts.resource("legacy").stop()
        #expect(scripts.calls == ["plain stop", "legacy stop", "legacy status"])
    }

    @Test("a stop that fails while status still says running is a failure")
    func stopFailsWhileRunning() async throws {
        // sh -c SCRIPT ACTION: the action is $0; status says running, stop fails.
        let stuck = ScriptResource(
            name: "stuck", path: "/bin/sh", arguments: ["-c", "[ \"$0\" = status ] && exit 0; exit 1"],
            runner: ProcessScriptRunner(timeout: .seconds(30)))
        #expect(try await stuck.status() == .running)
        await #expect(throws: ResourceError.self) { try await stuck.stop() }
    }
}
