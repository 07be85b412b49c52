import Foundation
import Subprocess
import Synchronization

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// A long-running process the lab started (PostgreSQL, an rsync daemon, socat, an agent), known by its
/// PID and start time. Its output goes to a log file.
///
/// The lab starts such processes through `ip netns exec` (and `setpriv` for the postgres user); both
/// exec in place, so `pid` is the process itself.
public final class LabProcess: Sendable, CustomStringConvertible {
    /// How the process ended.
    public enum Exit: Sendable, Equatable {
        /// It ran and ended with this exit code, or 128 + signal.
        case exited(Int32)
        /// It could not be started.
        case failedToStart(String)
    }

    /// The name the lab knows it by, e.g. `castor.postgres`.
    public let name: String
    /// The node it belongs to, if any: node faults (kill, freeze) reach it.
    public let node: LabNode?
    public let pid: Int32
    /// The start time from /proc (see `ProcessTable.Entry.startTime`); 0 if it ended before it was read.
    public let startTime: UInt64
    /// Its standard output and error.
    public let logPath: String
    /// The signal that asks it to end cleanly (teardown sends it before SIGKILL).
    public let stopSignal: Int32

    /// Set by the run that reaps the process.
    private let exit: ExitBox
    // The Subprocess run that waits for the process and reaps it.
    private let runner: Task<Void, Never>

    private init(
        name: String, node: LabNode?, pid: Int32, logPath: String, stopSignal: Int32, exit: ExitBox,
        runner: Task<Void, Never>
    ) {
        self.name = name
        self.node = node
        self.pid = pid
        self.startTime = ProcessTable.entry(pid)?.startTime ?? 0
        self.logPath = logPath
        self.stopSignal = stopSignal
        self.exit = exit
        self.runner = runner
    }

    public var description: String {
        "\(name) (pid \(pid))"
    }

    /// How it ended, or nil while it runs.
    public var exitStatus: Exit? {
        exit.value.withLock { $0 }
    }

    public var isRunning: Bool {
        exitStatus == nil
    }

    /// Starts `arguments` with output appended to `logPath`, and returns once it has a PID.
    static func start(
        name: String,
        node: LabNode?,
        arguments: [String],
        logPath: String,
        workingDirectory: String,
        stopSignal: Int32 = SIGTERM
    ) async throws -> LabProcess {
        let log: FileDescriptor
        do {
            log = try FileDescriptor.open(
                FilePath(logPath),
                .writeOnly,
                options: [.create, .append],
                permissions: [.ownerReadWrite, .groupRead, .otherRead]
            )
        } catch {
            throw LabError(.file, "cannot open the log \(logPath) for \(name): \(error)")
        }
        let exit = ExitBox()
        let (pids, pidContinuation) = AsyncStream.makeStream(of: Int32.self)
        let executable: Executable =
            arguments[0].contains("/") ? .path(FilePath(arguments[0])) : .name(arguments[0])
        // The run must outlive this call: it waits for the process for as long as it runs and reaps it.
        let runner = Task.detached {
            defer { pidContinuation.finish() }
            do {
                let result = try await Subprocess.run(
                    executable,
                    arguments: Arguments(Array(arguments.dropFirst())),
                    workingDirectory: FilePath(workingDirectory),
                    input: .none,
                    output: .fileDescriptor(log, closeAfterSpawningProcess: true),
                    error: .combinedWithOutput
                ) { execution in
                    pidContinuation.yield(execution.processIdentifier.value)
                }
                exit.value.withLock { $0 = .exited(result.terminationStatus.exitCode) }
            } catch {
                exit.value.withLock { $0 = .failedToStart("\(error)") }
            }
        }
        var iterator = pids.makeAsyncIterator()
        guard let pid = await iterator.next() else {
            await runner.value
            throw LabError(
                .processFailed,
                "cannot start \(name) (`\(arguments.joined(separator: " "))`): "
                    + "\(exit.value.withLock { $0.map { "\($0)" } ?? "no reason given" })")
        }
        return LabProcess(
            name: name, node: node, pid: pid, logPath: logPath, stopSignal: stopSignal, exit: exit, runner: runner)
    }

    /// Sends `signal` to the process, if it still runs.
    public func send(_ signal: Int32) {
        guard isRunning else { return }
        kill(pid, signal)
    }

    /// Waits until the process has ended and been reaped, or `limit` has passed; returns whether it ended.
    @discardableResult
    public func waitForExit(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning { return false }
        await runner.value
        return true
    }

    /// Ends the process: `signal` (default `stopSignal`), SIGCONT so a frozen process can act on it, then
    /// SIGKILL if it is still there after `grace`. Returns how it ended.
    @discardableResult
    public func stop(signal: Int32? = nil, grace: Duration = .seconds(10)) async -> Exit? {
        let signal = signal ?? stopSignal
        send(signal)
        send(SIGCONT)
        if await !waitForExit(within: grace) {
            send(SIGKILL)
            await waitForExit(within: .seconds(30))
        }
        return exitStatus
    }

    /// The last `bytes` of its log, for error messages.
    public func logTail(bytes: Int = 2_000) -> String {
        guard let data = FileManager.default.contents(atPath: logPath) else { return "" }
        return String(decoding: data.suffix(bytes), as: UTF8.self)
    }
}

extension LabProcess {
    final class ExitBox: Sendable {
        let value = Mutex<Exit?>(nil)
    }
}
