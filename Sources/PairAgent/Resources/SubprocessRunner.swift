import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs child processes with swift-subprocess.
///
/// Output goes to an unlinked temporary file rather than a pipe (a child never
/// blocks on a full pipe, a daemon it leaves behind cannot keep the capture open, and only `outputLimit` bytes are
/// read back). Each child leads a session of its own, so on timeout or cancellation its whole process group gets
/// SIGTERM, then SIGKILL after `killGrace` — swift-subprocess's teardown, which runs when the task is cancelled.
public struct SubprocessRunner: ProcessRunner {
    /// How long a child has between SIGTERM and SIGKILL.
    public var killGrace: Duration

    /// A runner.
    public init(killGrace: Duration = .seconds(2)) {
        self.killGrace = killGrace
    }

    public func run(_ command: ProcessCommand) async throws -> ProcessOutcome {
        try Task.checkCancellation()
        let capture = try OutputCapture()
        let configuration = configuration(for: command)
        let captureDescriptor = FileDescriptor(rawValue: capture.handle.fileDescriptor)
        let termination = try await withThrowingTaskGroup(of: TerminationStatus?.self) { group in
            group.addTask {
                do {
                    return try await Subprocess.run(
                        configuration, input: .none,
                        output: .fileDescriptor(captureDescriptor, closeAfterSpawningProcess: false),
                        error: .combinedWithOutput
                    ).terminationStatus
                } catch let error as SubprocessError {
                    throw ResourceError(.spawnFailed, "cannot start \(command.executable): \(error)")
                }
            }
            group.addTask {
                try await Task.sleep(for: command.timeout)
                return nil
            }
            // Leaving the group waits for the child task, and so for the teardown its cancellation runs.
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        let output = capture.read(limit: command.outputLimit)
        try Task.checkCancellation()
        switch termination {
        case .exited(let status):
            return ProcessOutcome(termination: .exited(status), output: output)
        case .signaled(let signal):
            return ProcessOutcome(termination: .signalled(signal), output: output)
        case nil:
            throw ResourceError(
                .timedOut,
                "\(command.programName) did not finish within \(command.timeout) and was killed"
                    + (output.isEmpty ? "" : "; it wrote: \(output.suffix(300))"))
        }
    }

    private func configuration(for command: ProcessCommand) -> Configuration {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [
            .send(signal: .terminate, toProcessGroup: true, allowedDurationToNextStep: killGrace)
        ]
        let environment = Dictionary(
            uniqueKeysWithValues: command.environment.compactMap { entry in
                Environment.Key(rawValue: entry.key).map { ($0, Optional(entry.value)) }
            })
        return Configuration(
            executable: .path(FilePath(command.executable)), arguments: Arguments(command.arguments),
            environment: .inherit.updating(environment), workingDirectory: FilePath("/"), platformOptions: options)
    }
}
