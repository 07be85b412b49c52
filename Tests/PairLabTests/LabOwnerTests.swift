import Foundation
import Testing

@testable import PairLab

extension LabEndToEnd {
    /// A lab owned by another process (`pgpair-lab up`), ended by a signal.
    @Suite
    struct LabOwnerTests {
        /// Starts `pgpair-lab up --postgres a` and returns it with the run record it printed.
        func startOwner() async throws -> (LabProcess, LabRunRecord) {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-lab-up-\(UUID()).log").path
            let owner = try await LabProcess.start(
                name: "owner", node: nil,
                arguments: [LabExecutables.fromEnvironment().pgpairLab, "up", "--postgres", "a"],
                logPath: log, workingDirectory: "/"
            )
            defer { try? FileManager.default.removeItem(atPath: log) }
            // Labs of other suites in this run (or other runs on the machine) hold the machine's lab lock for
            // minutes at a time: the owner says it waits, and its two minutes to build the lab start once it stops
            // waiting (up to half an hour in all).
            let start = ContinuousClock.now
            var deadline = start + .seconds(120)
            while ContinuousClock.now < deadline, owner.isRunning {
                let lines =
                    (try? String(contentsOfFile: log, encoding: .utf8))?.split(whereSeparator: \.isNewline) ?? []
                if let line = lines.first(where: { $0.hasPrefix("{") }) {
                    return (owner, try JSONDecoder().decode(LabRunRecord.self, from: Data(line.utf8)))
                }
                if lines.last?.contains("waiting for it to finish") == true {
                    deadline = min(ContinuousClock.now + .seconds(120), start + .seconds(1_800))
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            await owner.stop()
            Issue.record("pgpair-lab up printed no record: \(owner.logTail())")
            throw CancellationError()
        }

        func expectNothingLeft(of record: LabRunRecord) async throws {
            #expect(try await HostNamespace.namespaceNames().isDisjoint(with: record.namespaces))
            #expect(HostNamespace.survivors(of: record.processes).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: record.root))
            #expect(!LabRegistry().records().contains { $0.runID == record.runID })
        }

        @Test(arguments: [SIGTERM, SIGINT])
        func aSignalToTheOwnerTearsTheLabDown(_ signal: Int32) async throws {
            let (owner, record) = try await startOwner()
            #expect(record.processes.map(\.name).contains("castor.postgres"))
            #expect(HostNamespace.survivors(of: record.processes).count == record.processes.count)
            owner.send(signal)
            #expect(await owner.waitForExit(within: .seconds(60)))
            #expect(owner.exitStatus == .exited(128 + signal))
            if owner.isRunning { await owner.stop(signal: SIGKILL) }
            try await expectNothingLeft(of: record)
        }

        @Test func theNextSweepCleansUpAfterAKilledOwner() async throws {
            let (owner, record) = try await startOwner()
            owner.send(SIGKILL)
            #expect(await owner.waitForExit(within: .seconds(30)))
            // The owner could not clean up: its lab is still there, until the sweep.
            #expect(try await HostNamespace.namespaceNames().isSuperset(of: record.namespaces))
            #expect(HostNamespace.survivors(of: record.processes).isEmpty == false)
            // Another suite's lab, starting as soon as the dead owner's lock is free, may sweep the run first; once
            // this sweep (which waits for the lab lock) returns, one of them must have cleaned it up.
            let swept = try await LabRegistry().sweep(logger: .init(label: "test"))
            #expect(swept.contains(record.runID) || !LabRegistry().records().contains { $0.runID == record.runID })
            try await expectNothingLeft(of: record)
        }
    }
}
