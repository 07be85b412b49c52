/// A resource script (`CONFIG-DIR/resource.d/NAME` or `/etc/init.d/NAME`), judged by exit code the LSB way.
public struct ScriptResource: ManagedResource {
    /// The status exit code that means "stopped" (LSB: program is not running).
    public static let stoppedStatus: Int32 = 3

    public let name: String
    /// The script's path, as the configuration resolved it.
    public let path: String
    /// The `::` arguments, passed before the action.
    public let arguments: [String]
    private let runner: any ScriptRunner

    /// A script resource.
    public init(name: String, path: String, arguments: [String], runner: any ScriptRunner) {
        self.name = name
        self.path = path
        self.arguments = arguments
        self.runner = runner
    }

    public func start() async throws {
        let outcome = try await runner.run(scriptAt: path, arguments: arguments, action: .start)
        guard outcome.succeeded else {
            throw ResourceError(.actionFailed, "\(path) start failed with \(outcome.summary)")
        }
    }

    /// Stops it. A script that fails `stop` but whose `status` then says stopped (3) has still stopped: scripts
    /// must treat stopping a stopped resource as success, and older ones do not always.
    public func stop() async throws {
        let outcome = try await runner.run(scriptAt: path, arguments: arguments, action: .stop)
        if outcome.succeeded { return }
        if (try? await status()) == .stopped { return }
        throw ResourceError(.actionFailed, "\(path) stop failed with \(outcome.summary)")
    }

    /// 0 running, 3 stopped, anything else an error.
    public func status() async throws -> ResourceState {
        let outcome = try await runner.run(scriptAt: path, arguments: arguments, action: .status)
        switch outcome.exitStatus {
        case 0: return .running
        case Self.stoppedStatus: return .stopped
        default:
            throw ResourceError(
                .statusUnknown, "\(path) status answered \(outcome.summary) (0 = running, 3 = stopped)")
        }
    }
}
