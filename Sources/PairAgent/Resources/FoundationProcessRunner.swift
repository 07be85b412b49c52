import Foundation

/// Runs child processes with Foundation's `Process`.
///
/// Output goes to an unlinked temporary file rather than a pipe: a child never blocks on a full pipe, a daemon the
/// child leaves behind cannot keep the capture open, and only `outputLimit` bytes are ever read back. On timeout or
/// cancellation the child gets SIGTERM, then SIGKILL after `killGrace`.
public struct FoundationProcessRunner: ProcessRunner {
    /// How long a child has between SIGTERM and SIGKILL.
    public var killGrace: Duration

    /// A runner.
    public init(killGrace: Duration = .seconds(2)) {
        self.killGrace = killGrace
    }

    public func run(_ command: ProcessCommand) async throws -> ProcessOutcome {
        try Task.checkCancellation()
        let capture = try OutputCapture()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        process.environment = ProcessInfo.processInfo.environment.merging(command.environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = capture.handle
        process.standardError = capture.handle
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let exit = ProcessExitSignal()
        process.terminationHandler = { exit.finish($0) }
        do {
            try process.run()
        } catch {
            throw ResourceError(.spawnFailed, "cannot start \(command.executable): \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        let grace = killGrace
        let timedOut = try await withTaskCancellationHandler {
            try await Self.waitOrTimeOut(exit, pid: pid, timeout: command.timeout, grace: grace)
        } onCancel: {
            Self.terminate(pid, exit: exit, grace: grace)
        }
        let output = capture.read(limit: command.outputLimit)
        try Task.checkCancellation()
        if timedOut {
            throw ResourceError(
                .timedOut,
                "\(command.programName) did not finish within \(command.timeout) and was killed"
                    + (output.isEmpty ? "" : "; it wrote: \(output.suffix(300))"))
        }
        let termination: ProcessOutcome.Termination =
            process.terminationReason == .uncaughtSignal
            ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
        return ProcessOutcome(termination: termination, output: output)
    }

    /// Waits for the child's end; on timeout kills it, waits for that, and returns true.
    private static func waitOrTimeOut(_ exit: ProcessExitSignal, pid: Int32, timeout: Duration, grace: Duration)
        async throws -> Bool
    {
        // Waiting for the exit cannot be cancelled, so the timer kills the child itself: the group then ends.
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await exit.wait()
                return false
            }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return false }
                terminate(pid, exit: exit, grace: grace)
                return true
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// SIGTERM now, SIGKILL after `grace` unless the child has ended by then.
    private static func terminate(_ pid: Int32, exit: ProcessExitSignal, grace: Duration) {
        guard !exit.hasFinished else { return }
        // Process puts the child in a process group of its own: end what it started too.
        kill(-pid, SIGTERM)
        kill(pid, SIGTERM)
        Thread.detachNewThread {
            let deadline = ContinuousClock.now + grace
            while ContinuousClock.now < deadline, !exit.hasFinished { usleep(10_000) }
            if !exit.hasFinished {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
            }
        }
    }
}
