import Foundation
import Logging
import NIOPosix
import PairCore
import ServiceLifecycle
import Testing

@testable import PairAgent

@Suite struct ControlSocketServiceTests {
    struct FixedStatus: ControlRequestHandler {
        func handle(_ request: ControlRequest) async -> ControlResponse {
            ControlResponse(ok: true, status: NodeStatusCodableTests.heard)
        }
    }

    func socketPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-\(UUID())/pgpair.sock").path
    }

    /// Runs a control socket at `path`, answered by `handler`, while `body` runs, then shuts it down.
    func withControlSocket(
        at path: String, handler: any ControlRequestHandler = FixedStatus(), _ body: () async throws -> Void
    ) async throws {
        // The directory `socketPath()` made up goes with the test (the service creates it and removes only the
        // socket).
        defer {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            if directory.lastPathComponent.hasPrefix("pgpair-"),
                directory.deletingLastPathComponent().standardizedFileURL
                    == FileManager.default.temporaryDirectory.standardizedFileURL
            {
                try? FileManager.default.removeItem(at: directory)
            }
        }
        let service = ControlSocketService(
            path: path, statusGroup: nil, handler: handler,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        let group = ServiceGroup(services: [service], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await waitForSocket(path)
            do {
                try await body()
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    func waitForSocket(_ path: String) async throws {
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: path) {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func statusIsAnsweredThroughTheSocket() async throws {
        let path = socketPath()
        try await withControlSocket(at: path) {
            let response = try await ControlClient(path: path).send(.status)
            #expect(response.ok)
            #expect(response.status == NodeStatusCodableTests.heard)
        }
        #expect(!FileManager.default.fileExists(atPath: path), "the socket file is removed at shutdown")
    }

    @Test func theSocketIsForItsOwnerOnly() async throws {
        let path = socketPath()
        try await withControlSocket(at: path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test func aSecondAgentOnTheSameSocketIsRefused() async throws {
        let path = socketPath()
        try await withControlSocket(at: path) {
            let second = ControlSocketService(
                path: path, statusGroup: nil, handler: FixedStatus(),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
            await #expect {
                try await second.run()
            } throws: { error in
                (error as? ControlSocketError)?.code == .alreadyInUse
            }
            let response = try await ControlClient(path: path).send(.status)
            #expect(response.ok, "the first agent still answers")
        }
    }

    @Test func aClientWithNoAgentSaysSo() async throws {
        await #expect {
            _ = try await ControlClient(path: socketPath()).send(.status)
        } throws: { error in
            (error as? ControlSocketError)?.code == .noAgent
        }
    }

    @Test func aGroupThatDoesNotExistIsAClearError() async throws {
        let service = ControlSocketService(
            path: socketPath(), statusGroup: "no-such-group-pgpair", handler: FixedStatus(),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        await #expect {
            try await service.run()
        } throws: { error in
            (error as? ControlSocketError)?.code == .noSuchGroup && "\(error)".contains("no-such-group-pgpair")
        }
    }
}
