import Foundation
import Logging

/// The run registry: one JSON file per lab run (`/run/pgpair-lab/<runID>.json`), naming its owner, its
/// namespaces and the PIDs it started. A lab start sweeps the runs whose owner is dead.
public struct LabRegistry: Sendable {
    public static let defaultDirectory = "/run/pgpair-lab"

    public let directory: String

    public init(directory: String = LabRegistry.defaultDirectory) {
        self.directory = directory
    }

    func path(of runID: String) -> String {
        "\(directory)/\(runID).json"
    }

    /// Writes (or replaces) a run's record atomically.
    public func write(_ record: LabRunRecord) throws(LabError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(record).write(to: URL(fileURLWithPath: path(of: record.runID)), options: .atomic)
        } catch {
            throw LabError(.file, "cannot write the lab registry in \(directory): \(error)")
        }
    }

    /// Removes a run's record.
    public func remove(runID: String) {
        try? FileManager.default.removeItem(atPath: path(of: runID))
    }

    /// Every record that parses.
    public func records() -> [LabRunRecord] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else { return nil }
            return try? JSONDecoder().decode(LabRunRecord.self, from: data)
        }
    }

    /// Cleans up every well-formed run whose owner is dead: ends its recorded processes (by PID and start
    /// time), kills what is left in its namespaces, deletes the namespaces and its root directory, and
    /// drops its record. Returns the run IDs it swept.
    ///
    /// Holds the lab lock meanwhile, so two sweeps (or a sweep and a lab's start, which sweeps too) never work on
    /// the same run at once; a run another sweep already cleaned up is simply no longer there.
    @discardableResult
    public func sweep(logger: Logger) async throws -> [String] {
        let lock = try await LabLock.acquire(directory: directory, logger: logger)
        defer { lock.release() }
        return await sweepHoldingLock(logger: logger)
    }

    /// `sweep(logger:)` for a caller that already holds the lab lock.
    @discardableResult
    func sweepHoldingLock(logger: Logger) async -> [String] {
        var swept: [String] = []
        for record in records() where !record.ownerIsAlive {
            guard record.isWellFormed else {
                logger.warning("lab registry: ignoring a malformed record", metadata: ["lab.run": "\(record.runID)"])
                continue
            }
            logger.notice("lab registry: sweeping a run whose owner died", metadata: ["lab.run": "\(record.runID)"])
            await LabCleanup.end(record.processes, logger: logger)
            await LabCleanup.deleteNamespaces(record.namespaces, logger: logger)
            if !record.root.isEmpty { LabCleanup.removeRoot(record.root, logger: logger) }
            remove(runID: record.runID)
            swept.append(record.runID)
        }
        return swept
    }
}
