import Foundation
import Logging
import PairCore
import PairTestSupport
import Synchronization
import Testing

@testable import PairAgent

/// The node loop's plumbing with in-memory resources and a real state directory: the machine's actions are
/// carried out (groups started, state stored, results fed back), a stop cancels a start that is still running,
/// a failure to store the epoch fails the takeover, and commands get the machine's answer. The transitions
/// themselves are tested in PairCoreTests with a manual clock.
@Suite struct NodeLoopTests {
    static let group = ResourceGroup(
        homeNode: "castor",
        resources: [Resource(kind: .postgres(dataDirectory: "/nonexistent"), written: "pgsql", line: 1)],
        line: 1)

    static func settings(coldStartTakeover: Bool = true) -> NodeSettings {
        NodeSettings(
            localNode: "castor", peerNode: "pollux", groups: [group], initdead: .milliseconds(10),
            coldStartTakeover: coldStartTakeover, monitorInterval: .seconds(3600))
    }

    /// Runs a loop over `resource` in `stateDirectory`; `body` posts inputs and waits for what it expects, then the
    /// loop is shut down. Returns the loop for inspection.
    @discardableResult
    static func withLoop(
        _ resource: FakeResource, stateDirectory: String, settings: NodeSettings = settings(),
        _ body: (NodeInbox, LatestView) async throws -> Void
    ) async throws -> NodeLoop {
        let inbox = NodeInbox()
        let runner = GroupRunner(
            name: "pgsql", resources: [resource], timeout: .seconds(30), logger: Logger(label: "test"))
        let loop = NodeLoop(
            machine: NodeStateMachine(settings: settings, persisted: PersistedNodeState()), inbox: inbox,
            runners: ["pgsql": runner], guards: NoGuards(), store: NodeStateStore(directory: stateDirectory),
            dataDirectories: [:], logger: Logger(label: "test"), announce: { _, _ in })
        let latest = LatestView()
        async let running: Void = loop.run { view in latest.set(view) }
        do {
            try await body(inbox, latest)
        } catch {
            inbox.post(.shutdown)
            await running
            throw error
        }
        inbox.post(.shutdown)
        await running
        return loop
    }

    /// Waits (bounded) until `condition` holds for the published view.
    static func waitFor(_ latest: LatestView, _ condition: (NodeView) -> Bool) async throws {
        for _ in 0..<2000 {
            if let view = latest.view, condition(view) { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("condition not reached; last view: \(String(describing: latest.view))")
        throw CancellationError()
    }

    static func peerDead(_ inbox: NodeInbox) {
        inbox.heartbeatObserved(.detector(.peerDead(silentFor: .seconds(1)), at: .now))
    }

    @Test("after the peer's death the group is started, the epoch and the marker are stored first")
    func takeoverStoresStateAndStarts() async throws {
        let directory = try Scratch("pgpair-nodeloop")
        defer { directory.remove() }
        let resource = FakeResource("pgsql")
        let loop = try await Self.withLoop(resource, stateDirectory: directory.path) { inbox, latest in
            try await Task.sleep(for: .milliseconds(20))
            Self.peerDead(inbox)
            try await Self.waitFor(latest) { $0.role == .active }
            #expect(resource.running)
            #expect(directory.read("epoch") == "1\n")
            #expect(directory.read("marker") == "unclean-stop 1\n")
        }
        // The shutdown stopped the group and left the last-active marker.
        #expect(loop.finished)
        #expect(!resource.running)
        #expect(resource.calls.last == "stop")
        #expect(directory.read("marker") == "last-active 1\n")
    }

    @Test("a stop cancels a start still running, and the cancelled start's result is not taken for the group's")
    func stopCancelsStart() async throws {
        let directory = try Scratch("pgpair-nodeloop")
        defer { directory.remove() }
        let resource = FakeResource("pgsql", holdStart: true)
        let loop = try await Self.withLoop(resource, stateDirectory: directory.path) { inbox, latest in
            try await Task.sleep(for: .milliseconds(20))
            Self.peerDead(inbox)
            try await Self.waitFor(latest) { $0.groups.first?.state == .starting }
        }
        // Without the cancel the held start would keep the loop from ever finishing.
        #expect(loop.finished)
        #expect(resource.calls.first == "start")
        #expect(resource.calls.last == "stop")
        #expect(!resource.running)
    }

    @Test("a takeover whose epoch cannot be stored fails: the group is never started")
    func storeFailureFailsTheStart() async throws {
        let resource = FakeResource("pgsql")
        try await Self.withLoop(resource, stateDirectory: "/nonexistent/pgpair-state") { inbox, latest in
            try await Task.sleep(for: .milliseconds(20))
            Self.peerDead(inbox)
            try await Self.waitFor(latest) { $0.role == .blocked }
        }
        #expect(!resource.calls.contains("start"))
    }

    @Test("an operator command gets the machine's answer: refused with its reason, or accepted")
    func operatorCommands() async throws {
        let directory = try Scratch("pgpair-nodeloop")
        defer { directory.remove() }
        let resource = FakeResource("pgsql")
        try await Self.withLoop(resource, stateDirectory: directory.path) { inbox, latest in
            try await Self.waitFor(latest) { _ in true }
            let unblock = await Self.ask(inbox, .unblock)
            #expect(unblock == .refused(OperatorRefusal.notBlocked.description))
            let maintenance = await Self.ask(inbox, .maintenance(on: true))
            #expect(maintenance == .accepted)
            // The reply comes once the view the command leads to is published: `pgpair takeover` and the others
            // look at `status` right after it.
            #expect(latest.view?.role == .maintenance)
        }
    }

    @Test("a command after the loop ended is refused, never left waiting")
    func commandAfterEnd() async throws {
        let directory = try Scratch("pgpair-nodeloop")
        defer { directory.remove() }
        var inboxAfter: NodeInbox?
        try await Self.withLoop(FakeResource("pgsql"), stateDirectory: directory.path) { inbox, _ in
            inboxAfter = inbox
        }
        let reply = await Self.ask(try #require(inboxAfter), .standby)
        #expect(reply == .refused(OperatorRefusal.shuttingDown.description))
    }

    static func ask(_ inbox: NodeInbox, _ request: OperatorRequest) async -> OperatorReply {
        await withCheckedContinuation { continuation in
            let posted = inbox.post(.operatorRequest(request, reply: { continuation.resume(returning: $0) }))
            if !posted { continuation.resume(returning: .refused(OperatorRefusal.shuttingDown.description)) }
        }
    }
}

/// The newest view the loop published.
final class LatestView: Sendable {
    private let box = Mutex<NodeView?>(nil)

    var view: NodeView? { box.withLock { $0 } }

    func set(_ view: NodeView) {
        box.withLock { $0 = view }
    }
}
