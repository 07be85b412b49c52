import Foundation
import Logging

/// The steps of a teardown, shared by a lab's own teardown and the sweep of dead runs. Every signal goes
/// to a PID the lab recorded (checked against its start time) or to a process inside a lab namespace.
enum LabCleanup {
    /// How long a process has to end after SIGTERM before SIGKILL.
    static let grace: Duration = .seconds(10)

    /// Ends recorded processes that still run: SIGTERM (and SIGCONT), then SIGKILL after `grace`.
    static func end(_ processes: [LabRunRecord.Process], logger: Logger) async {
        let alive = processes.filter { ProcessTable.isAlive(pid: $0.pid, startTime: $0.startTime) }
        for process in alive {
            kill(process.pid, SIGTERM)
            kill(process.pid, SIGCONT)
        }
        let deadline = ContinuousClock.now + grace
        while alive.contains(where: { ProcessTable.isAlive(pid: $0.pid, startTime: $0.startTime) }),
            ContinuousClock.now < deadline
        {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for process in alive where ProcessTable.isAlive(pid: process.pid, startTime: process.startTime) {
            logger.warning("lab: \(process.name) (pid \(process.pid)) ignored SIGTERM; sending SIGKILL")
            kill(process.pid, SIGKILL)
        }
    }

    /// The PIDs of the processes inside a namespace (`ip netns pids`).
    static func pids(inNamespace name: String) async -> [Int32] {
        guard let output = try? await CommandRunner.run(["ip", "netns", "pids", name]), output.succeeded else {
            return []
        }
        return output.standardOutput.split(whereSeparator: \.isNewline).compactMap { Int32($0) }
    }

    /// Kills whatever still runs inside each namespace, then deletes the namespaces. Every process in a
    /// lab namespace was started by the lab (the namespace did not exist before it).
    static func deleteNamespaces(_ names: [String], logger: Logger) async {
        let existing = names.filter { FileManager.default.fileExists(atPath: "/run/netns/\($0)") }
        for name in existing {
            let leftovers = await pids(inNamespace: name)
            let entries = leftovers.compactMap(ProcessTable.entry)
            for entry in entries {
                logger.debug("lab: killing pid \(entry.pid) left in namespace \(name)")
                kill(entry.pid, SIGKILL)
            }
            let deadline = ContinuousClock.now + grace
            while entries.contains(where: { ProcessTable.isAlive(pid: $0.pid, startTime: $0.startTime) }),
                ContinuousClock.now < deadline
            {
                try? await Task.sleep(for: .milliseconds(20))
            }
            do {
                try await CommandRunner.check(["ip", "netns", "delete", name])
            } catch {
                logger.error("lab: cannot delete namespace \(name): \(error)")
            }
        }
    }

    /// Removes a run's root directory (only a path of the lab's own shape).
    static func removeRoot(_ root: String, logger: Logger) {
        guard LabPaths.isRunRoot(root) else { return }
        do {
            if FileManager.default.fileExists(atPath: root) { try FileManager.default.removeItem(atPath: root) }
        } catch {
            logger.error("lab: cannot remove \(root): \(error)")
        }
    }
}
