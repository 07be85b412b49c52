import ArgumentParser
import Foundation
import PairLab
import Synchronization

/// `pgpair-lab watch`: the client side of the lab's downtime meter (the lab runs it in its client namespace). Every
/// `--interval-ms` it starts a new connection attempt to the address — each on a thread of its own, so an attempt
/// that hangs on an address nobody answers for does not delay the next — and prints each attempt's report as one
/// JSON line (`ProbeReport`, the probe's format), until it is ended (SIGTERM) or `--duration-seconds` pass.
///
/// libpq blocks; the attempts run on plain threads of this short-lived process, never on a cooperative pool.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Connect to an address every few milliseconds; print every attempt's report as a JSON line."
    )

    @Option(help: "The server's numeric IPv4 address.") var host: String
    @Option(help: "The server's port.") var port = 5432
    @Option(help: "Seconds one attempt may wait for its connection (libpq's minimum is 2).") var connectTimeout = 2
    @Option(help: "Milliseconds between the starts of two attempts.") var intervalMs = 50
    @Option(help: "Attempts that may wait at once; a start beyond it is skipped.") var maxInFlight = 200
    @Option(help: "Seconds after which the watch ends by itself.") var durationSeconds = 3_600

    func validate() throws {
        guard host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) else {
            throw ValidationError("--host must be a numeric IPv4 address: the watch never looks a name up")
        }
        guard connectTimeout >= 1 else { throw ValidationError("--connect-timeout must be at least 1 second") }
        guard intervalMs >= 1 else { throw ValidationError("--interval-ms must be at least 1") }
        guard maxInFlight >= 1 else { throw ValidationError("--max-in-flight must be at least 1") }
        guard durationSeconds >= 1 else { throw ValidationError("--duration-seconds must be at least 1") }
    }

    func run() throws {
        var probe = ClientProbe(host: host, port: port)
        probe.connectTimeoutSeconds = connectTimeout
        let attempt = probe
        let state = WatchState()
        let start = Date()
        let interval = Double(intervalMs) / 1_000
        var tick = 0
        while Date().timeIntervalSince(start) < Double(durationSeconds) {
            if state.begin(limit: maxInFlight) {
                Thread.detachNewThread {
                    let report = attempt.run()
                    state.print((try? report.jsonLine()) ?? #"{"ok":false}"#)
                    state.end()
                }
            }
            tick += 1
            let wait = start.addingTimeInterval(Double(tick) * interval).timeIntervalSinceNow
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
    }
}

/// The attempts in flight, and standard output shared by their threads (one whole line per write).
private final class WatchState: Sendable {
    private let inFlight = Mutex(0)
    private let output = Mutex(FileHandle.standardOutput)

    func begin(limit: Int) -> Bool {
        inFlight.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func end() {
        inFlight.withLock { $0 -= 1 }
    }

    func print(_ line: String) {
        output.withLock { $0.write(Data((line + "\n").utf8)) }
    }
}
