import Foundation
import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// Runs the children of a round (rsync) with swift-subprocess, under `setpriv --pdeathsig KILL`, so a round whose
/// process is killed never leaves a child writing.
///
/// The parent-death signal fires when the *thread* that spawned the child ends; swift-subprocess 1.x spawns every
/// child from one worker thread of its own that lives as long as the process, so the signal means "pgpair died".
/// Each child leads a session of its own: on timeout or cancellation its whole process group (rsync's forked
/// receiver, its ssh) gets SIGTERM, then SIGKILL after `killGrace`. Output goes to an unlinked temporary file and
/// only its last `outputLimit` bytes are kept (rsync's `--stats` and its errors come last).
struct ChildProcess: Sendable {
    /// setpriv, which sets the parent-death signal and then executes the program.
    var setpriv: String = "/usr/bin/setpriv"
    /// How long a child has between SIGTERM and SIGKILL.
    var killGrace: Duration = .seconds(2)

    /// One child to run.
    struct Command: Sendable {
        var executable: String
        var arguments: [String]
        /// Variables added to the inherited environment.
        var environment: [String: String] = [:]
        var timeout: Duration
        var outputLimit: Int = 64 * 1024

        var programName: String { executable.split(separator: "/").last.map(String.init) ?? executable }
    }

    /// How a child ended, and the end of what it wrote.
    struct Outcome: Sendable, Equatable {
        enum Termination: Sendable, Equatable {
            case exited(Int32)
            case signalled(Int32)
        }
        var termination: Termination
        var output: String

        var exitStatus: Int32? {
            if case .exited(let status) = termination { return status }
            return nil
        }

        /// "exit status N" or "signal N", then the last lines of the output, for error messages.
        var summary: String {
            let how: String
            switch termination {
            case .exited(let status): how = "exit status \(status)"
            case .signalled(let signal): how = "signal \(signal)"
            }
            let lines = output.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " | ")
            return lines.isEmpty ? how : "\(how): \(lines)"
        }
    }

    /// Runs `command` to its end; a non-zero exit is a result. Throws `.transferFailed` when it cannot be started
    /// or outlives its timeout (it is killed), `.cancelled` when the task is cancelled (it is killed first).
    func run(_ command: Command) async throws(SyncError) -> Outcome {
        if Task.isCancelled { throw SyncError(.cancelled, "the round was cancelled") }
        let capture = try CaptureFile()
        let configuration = configuration(for: command)
        let descriptor = FileDescriptor(rawValue: capture.descriptor)
        let group = ProcessGroup()
        let ended = await run(configuration, descriptor: descriptor, group: group, command: command)
        // Whatever way the child ended, its forked helpers (rsync's receiver and generator) end with it.
        let leader = group.leader.load(ordering: .relaxed)
        let grace = killGrace
        await OwnThread.run { Self.endProcessGroup(leader, grace: grace) }
        let termination = try ended.get()
        if Task.isCancelled { throw SyncError(.cancelled, "the round was cancelled") }
        let output = capture.tail(command.outputLimit)
        switch termination {
        case .exited(let status):
            return Outcome(termination: .exited(status), output: output)
        case .signaled(let signal):
            return Outcome(termination: .signalled(signal), output: output)
        case nil:
            throw SyncError(
                .transferFailed, "\(command.programName) did not finish within \(command.timeout) and was killed")
        }
    }

    /// Runs the child until it exits, its timeout passes (nil) or the task is cancelled; either of the last two
    /// tears it down first.
    private func run(
        _ configuration: Configuration, descriptor: FileDescriptor, group: ProcessGroup, command: Command
    ) async -> Result<TerminationStatus?, SyncError> {
        do {
            return .success(
                try await withThrowingTaskGroup(of: TerminationStatus?.self) { tasks in
                    tasks.addTask {
                        try await Subprocess.run(
                            configuration, input: .none,
                            output: .fileDescriptor(descriptor, closeAfterSpawningProcess: false),
                            error: .combinedWithOutput
                        ) { execution in
                            group.leader.store(execution.processIdentifier.value, ordering: .relaxed)
                        }.terminationStatus
                    }
                    tasks.addTask {
                        try await Task.sleep(for: command.timeout)
                        return nil
                    }
                    // Leaving the group waits for the child task, and so for the teardown its cancellation runs.
                    defer { tasks.cancelAll() }
                    return try await tasks.next() ?? nil
                })
        } catch is CancellationError {
            return .failure(SyncError(.cancelled, "the round was cancelled; \(command.programName) was stopped"))
        } catch {
            if Task.isCancelled { return .failure(SyncError(.cancelled, "the round was cancelled")) }
            return .failure(SyncError(.transferFailed, "cannot start \(command.programName): \(error)"))
        }
    }

    /// Waits up to `grace` for the child's process group (it led a session of its own) to be empty, then kills
    /// what is left of it. The teardown and rsync's own exit leave helpers that are still ending for a moment; a
    /// round must not return while one could still write into staging. The group's ID cannot be reused while the
    /// group has members, and it is only signalled right after a probe found members.
    /// A killed member stays a member until it is reaped, so the wait after SIGKILL is bounded too. It blocks, so
    /// it runs on a thread of its own.
    private static func endProcessGroup(_ group: Int32, grace: Duration) {
        guard group > 0 else { return }
        let start = ContinuousClock.now
        var killed = false
        while kill(-group, 0) == 0, ContinuousClock.now - start < grace + .seconds(1) {
            if !killed, ContinuousClock.now - start >= grace {
                kill(-group, SIGKILL)
                killed = true
            }
            usleep(10_000)
        }
    }

    private func configuration(for command: Command) -> Configuration {
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
            executable: .path(FilePath(setpriv)),
            arguments: Arguments(["--pdeathsig", "KILL", "--", command.executable] + command.arguments),
            environment: .inherit.updating(environment), workingDirectory: FilePath("/"), platformOptions: options)
    }
}

/// The child's process ID, which is also its process group's (it leads a session of its own); 0 until spawned.
private final class ProcessGroup: Sendable {
    let leader = Atomic<Int32>(0)
}

/// An unlinked temporary file a child writes its output to; read back from its end.
private final class CaptureFile {
    let descriptor: Int32

    init() throws(SyncError) {
        var template = Array("/tmp/pgpair-sync-output-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw SyncError(.transferFailed, "cannot create a capture file in /tmp: errno \(errno)")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The last `limit` bytes written, as text (invalid UTF-8 repaired).
    func tail(_ limit: Int) -> String {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return "" }
        let size = Int(status.st_size)
        let start = max(0, size - limit)
        var buffer = [UInt8](repeating: 0, count: size - start)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(start)) }
        return String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
    }
}
