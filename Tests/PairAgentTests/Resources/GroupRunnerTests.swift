import Foundation
import Logging
import PairCore
import Testing

@testable import PairAgent

@Suite("GroupRunner")
struct GroupRunnerTests {
    private func runner(_ scripts: RecordingScripts, _ names: [String], timeout: Duration = .seconds(30))
        -> GroupRunner
    {
        GroupRunner(
            name: names[0], resources: names.map { scripts.resource($0) }, timeout: timeout,
            logger: Logger(label: "test"))
    }

    @Test("starts left to right, stops right to left; check succeeds only while all run")
    func order() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        for name in ["a", "b", "c"] { try scripts.add(name) }
        let group = runner(scripts, ["a", "b", "c"])

        #expect(await group.start() == .succeeded)
        #expect(await group.check() == .succeeded)
        #expect(await group.stop() == .succeeded)
        #expect(await group.check() == .failed("a is not running"))
        #expect(
            scripts.calls == [
                "a start", "b start", "c start", "a status", "b status", "c status", "c stop", "b stop", "a stop",
                "a status",
            ])
    }

    @Test("a failing start fails the group and stops what was started, right to left")
    func failedStartUndoes() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("a")
        try scripts.add("b")
        try scripts.add("c", failStart: true)
        try scripts.add("d")
        let group = runner(scripts, ["a", "b", "c", "d"])

        let outcome = await group.start()
        guard case .failed(let reason) = outcome else {
            Issue.record("the start succeeded")
            return
        }
        #expect(reason.contains("start of c failed"))
        #expect(scripts.calls == ["a start", "b start", "c start", "c stop", "b stop", "a stop"])
        for name in ["a", "b", "c", "d"] {
            #expect(try await scripts.resource(name).status() == .stopped)
        }
    }

    @Test("a restart in place stops and starts the resource that fails and those after it, keeping those before it")
    func restartInPlace() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        for name in ["a", "b", "c"] { try scripts.add(name) }
        let group = runner(scripts, ["a", "b", "c"])
        #expect(await group.start() == .succeeded)
        try await scripts.resource("b").stop()
        let before = scripts.calls.count

        #expect(await group.restartInPlace() == .succeeded)
        #expect(
            Array(scripts.calls.dropFirst(before)) == [
                "a status", "b status", "c stop", "b stop", "b start", "c start",
            ])
        #expect(await group.check() == .succeeded)
    }

    @Test("a restart in place with every resource running again restarts nothing")
    func restartInPlaceOfARunningGroup() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        for name in ["a", "b"] { try scripts.add(name) }
        let group = runner(scripts, ["a", "b"])
        #expect(await group.start() == .succeeded)
        let before = scripts.calls.count
        #expect(await group.restartInPlace() == .succeeded)
        #expect(Array(scripts.calls.dropFirst(before)) == ["a status", "b status"])
    }

    @Test("a restart in place whose stop fails fails at once and starts nothing")
    func restartInPlaceWithAFailedStop() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("a")
        try scripts.add("b")
        // A stop that fails and a status that cannot tell: the stop really failed.
        try scripts.add("c", failStatus: true, failStop: true)
        let group = runner(scripts, ["a", "b", "c"])
        #expect(await group.start() == .succeeded)
        try await scripts.resource("b").stop()
        let before = scripts.calls.count
        guard case .failed(let reason) = await group.restartInPlace() else {
            Issue.record("the restart succeeded")
            return
        }
        #expect(reason.hasPrefix("restart in place: stop of c failed"), "\(reason)")
        #expect(Array(scripts.calls.dropFirst(before)) == ["a status", "b status", "c stop", "c status", "b stop"])
    }

    @Test("start and stop are idempotent")
    func idempotent() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        for name in ["a", "b"] { try scripts.add(name) }
        let group = runner(scripts, ["a", "b"])
        #expect(await group.stop() == .succeeded)
        #expect(await group.start() == .succeeded)
        #expect(await group.start() == .succeeded)
        #expect(await group.check() == .succeeded)
        #expect(await group.stop() == .succeeded)
        #expect(await group.stop() == .succeeded)
        #expect(await group.check() == .failed("a is not running"))
    }

    @Test("a status error fails the check with the script's answer")
    func statusError() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("a")
        try scripts.add("b", failStatus: true)
        let group = runner(scripts, ["a", "b"])
        #expect(await group.start() == .succeeded)
        guard case .failed(let reason) = await group.check() else {
            Issue.record("the check succeeded")
            return
        }
        #expect(reason.contains("status of b failed"))
        #expect(reason.contains("exit status 4"))
    }

    @Test("a resource that outlives resource_timeout fails the start, is killed, and the group is stopped")
    func timeout() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("a")
        let marker = "\(scripts.directory.path)/slow-finished"
        try scripts.directory.write(
            "#!/bin/sh\nfor last; do :; done\n[ \"$last\" = start ] && { sleep 30; touch '\(marker)'; }\nexit 0\n",
            to: "resource.d/slow", mode: 0o755)
        let group = GroupRunner(
            name: "a", resources: [scripts.resource("a"), scripts.resource("slow", timeout: .milliseconds(300))],
            timeout: .seconds(30), logger: Logger(label: "test"))

        guard case .failed(let reason) = await group.start() else {
            Issue.record("the start succeeded")
            return
        }
        #expect(reason.contains("did not finish"))
        #expect(try await scripts.resource("a").status() == .stopped)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}

extension GroupRunnerTests {
    @Test("a cancelled start kills the resource being started and fails; the stop that follows undoes it")
    func cancelledStart() async throws {
        let scripts = try RecordingScripts()
        defer { scripts.remove() }
        try scripts.add("a")
        let pidFile = "\(scripts.directory.path)/slow.pid"
        try scripts.directory.write(
            "#!/bin/sh\nfor last; do :; done\necho \"slow $last\" >> '\(scripts.directory.path)/calls'\n"
                + "[ \"$last\" = start ] && { echo $$ > '\(pidFile)'; exec sleep 60; }\nexit 0\n",
            to: "resource.d/slow", mode: 0o755)
        let group = GroupRunner(
            name: "a", resources: [scripts.resource("a"), scripts.resource("slow")], timeout: .seconds(120),
            logger: Logger(label: "test"))

        let start = Task { await group.start() }
        var pid: Int32?
        for _ in 0..<1000 where pid == nil {
            pid = Int32(scripts.directory.read("slow.pid").trimmingCharacters(in: .whitespacesAndNewlines))
            try await Task.sleep(for: .milliseconds(10))
        }
        let slow = try #require(pid)
        start.cancel()
        #expect(await start.value == .failed("start of slow cancelled"))
        #expect(!processRuns(slow))
        #expect(await group.stop() == .succeeded)
        #expect(scripts.calls == ["a start", "slow start", "slow stop", "a stop"])
    }
}
