import Foundation
import PairCore

/// The client's view of the service address over time: `pgpair-lab watch` running in the client namespace, starting
/// a connection attempt every 50 ms and writing one `ProbeReport` line per attempt to its log. Start it with
/// `Lab.startServiceWatch(_:every:)`; `reports()` reads what it has written so far.
public struct ServiceWatch: Sendable {
    /// The watch process (the lab ends it at teardown; `stop()` ends it sooner).
    public let process: LabProcess
    /// The address it connects to.
    public let address: String

    /// Every attempt reported so far, in the order they finished. Lines that are not reports are skipped.
    public func reports() -> [ProbeReport] {
        guard let data = FileManager.default.contents(atPath: process.logPath) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? ProbeReport.parse(jsonLine: String($0))
        }
    }

    /// When `node` first answered (a successful connection) at or after `time`, if it has yet.
    public func firstAnswer(from node: LabNode, after time: Date) -> Date? {
        ServiceOutage.answerTimes(in: reports(), from: node.name).first { $0 >= time }
    }

    /// Polls the reports until `node` has answered at or after `time`; fails after `limit` with what was seen. A
    /// bound, never a measurement.
    @discardableResult
    public func waitForAnswer(from node: LabNode, after time: Date, within limit: Duration) async throws -> Date {
        let deadline = ContinuousClock.now + limit
        while true {
            if let answer = firstAnswer(from: node, after: time) { return answer }
            guard process.isRunning else {
                throw LabError(.processFailed, "the service watch ended: \(process.logTail())")
            }
            guard ContinuousClock.now < deadline else {
                let seen = reports().suffix(5).map {
                    "\($0.clusterName ?? "-") ok=\($0.ok) \($0.failure?.message ?? "")"
                }
                throw LabError(
                    .notReady, "\(node.name) did not answer on \(address) within \(limit); the last attempts: \(seen)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Ends the watch.
    public func stop() async {
        await process.stop()
    }
}

extension Lab {
    /// Starts `pgpair-lab watch` in the client namespace against `address` (the service address unless told):
    /// a new connection attempt every `interval`, each reported on a line of its log.
    public func startServiceWatch(_ address: String? = nil, every interval: Duration = .milliseconds(50))
        async throws -> ServiceWatch
    {
        let address = address ?? topology.serviceAddress.address
        let process = try await spawn(
            "watch-\(startedProcesses.count)", in: .client,
            [
                executables.pgpairLab, "watch", "--host", address, "--port", "\(topology.postgresPort)",
                "--interval-ms", "\(interval.wholeMilliseconds)",
            ])
        return ServiceWatch(process: process, address: address)
    }
}
