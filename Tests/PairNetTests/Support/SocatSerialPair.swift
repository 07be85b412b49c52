import Foundation
import Subprocess
import Synchronization

/// A pseudo serial line: `socat` joining two ptys, reachable through the links `a` and `b`. The test starts and
/// stops it by its PID; stopping it is what a cable pulled out (or a peer's adapter unplugged) looks like.
final class SocatSerialPair: Sendable {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    let a: String
    let b: String
    private let directory: String
    private let running = Mutex<(pid: pid_t, run: Task<Void, Never>, exited: ExitFlag)?>(nil)

    /// Set once the run has reaped socat.
    private final class ExitFlag: Sendable {
        let value = Mutex(false)
    }

    /// Picks link paths in a fresh temporary directory; starts nothing.
    init() throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "pairnet-serial-\(UUID().uuidString)"
            ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        a = directory + "/A"
        b = directory + "/B"
    }

    /// Starts socat and waits until both links exist.
    func start() async throws {
        let arguments = ["-d", "-d", "pty,raw,echo=0,link=\(a)", "pty,raw,echo=0,link=\(b)"]
        let (pids, continuation) = AsyncStream.makeStream(of: pid_t.self)
        let exited = ExitFlag()
        // The run waits for socat for as long as it runs, and reaps it.
        let run = Task.detached {
            defer {
                exited.value.withLock { $0 = true }
                continuation.finish()
            }
            _ = try? await Subprocess.run(
                .name("socat"), arguments: Arguments(arguments), input: .none, output: .discarded, error: .discarded
            ) { execution in
                continuation.yield(execution.processIdentifier.value)
            }
        }
        var iterator = pids.makeAsyncIterator()
        guard let pid = await iterator.next() else {
            throw Failed(description: "cannot start socat (is it installed?)")
        }
        running.withLock { $0 = (pid, run, exited) }
        let ready = await eventually {
            FileManager.default.fileExists(atPath: a) && FileManager.default.fileExists(atPath: b)
        }
        guard ready else { throw Failed(description: "socat (pid \(pid)) did not create \(a) and \(b)") }
    }

    /// Ends socat by its PID (SIGTERM, then SIGKILL if it lingers) and waits until it is reaped.
    func stop() async {
        let current = running.withLock { state in
            defer { state = nil }
            return state
        }
        guard let (pid, run, exited) = current else { return }
        // Until the run has reaped it, the PID is still socat's.
        if !exited.value.withLock({ $0 }) { kill(pid, SIGTERM) }
        let ended = await eventually(within: .seconds(10)) { exited.value.withLock { $0 } }
        if !ended { kill(pid, SIGKILL) }
        await run.value
    }

    /// Stops socat if it runs and removes the temporary directory.
    func remove() async {
        await stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` with a pair (started unless `started` is false), and stops and removes it whatever happens.
    static func with<Result>(
        started: Bool = true, _ body: (SocatSerialPair) async throws -> Result
    ) async throws -> Result {
        let pair = try SocatSerialPair()
        do {
            if started { try await pair.start() }
            let result = try await body(pair)
            await pair.remove()
            return result
        } catch {
            await pair.remove()
            throw error
        }
    }
}
