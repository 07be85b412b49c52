import Foundation

/// A running row writer: `pgpair-lab write-rows` in the client namespace, committing numbered rows through an
/// address (`RowWriter`). Start it with `Lab.startRowWriter(table:every:address:)`; `committedRows()` reads the
/// numbers whose COMMIT returned OK so far; `Lab.missingRows(of:on:)` compares them with a node's table.
public struct LabRowWriter: Sendable {
    /// The writer process (the lab ends it at teardown; `stop()` ends it sooner, by its PID).
    public let process: LabProcess
    /// The table it writes.
    public let table: String
    /// Its output: one committed number a line.
    public let outputPath: String

    /// The numbers committed so far, in commit order.
    public func committedRows() -> [Int] {
        RowWriter.numbers(in: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")
    }

    /// The highest number committed so far (0 before the first).
    public func highestCommitted() -> Int {
        committedRows().max() ?? 0
    }

    /// Waits until at least `count` rows are committed; fails after `limit` with the writer's last messages. A bound,
    /// never a measurement.
    public func waitForRows(_ count: Int, within limit: Duration) async throws {
        let deadline = ContinuousClock.now + limit
        while committedRows().count < count {
            guard process.isRunning else {
                throw LabError(.processFailed, "the row writer ended: \(process.logTail())")
            }
            guard ContinuousClock.now < deadline else {
                throw LabError(
                    .notReady,
                    "the row writer committed \(committedRows().count) of \(count) rows within \(limit): "
                        + process.logTail())
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Ends the writer (SIGTERM, by its PID).
    public func stop() async {
        await process.stop()
    }
}

extension Lab {
    /// Starts `pgpair-lab write-rows` in the client namespace: rows into `table` through `address` (the service address
    /// unless told), one committed every `interval`.
    public func startRowWriter(
        table: String = "pgpair_rows", every interval: Duration = .milliseconds(20), address: String? = nil
    ) async throws -> LabRowWriter {
        guard RowWriter.isTableName(table) else {
            throw LabError(.invalidState, "`\(table)` is not a lower-case SQL identifier")
        }
        let outputPath = "\(paths.logDirectory)/rows-\(table).txt"
        let process = try await spawn(
            "write-rows-\(table)", in: .client,
            [
                executables.pgpairLab, "write-rows", "--host", address ?? topology.serviceAddress.address,
                "--port", "\(topology.postgresPort)", "--table", table,
                "--interval-ms", "\(interval.wholeMilliseconds)", "--out", outputPath,
            ])
        return LabRowWriter(process: process, table: table, outputPath: outputPath)
    }

    /// The rows `writer` has committed that `node`'s PostgreSQL does not hold (read through its socket with
    /// `sql(on:_:)`), in order. A table missing on the node misses every row.
    public func missingRows(of writer: LabRowWriter, on node: LabNode) async throws -> [Int] {
        let committed = writer.committedRows()
        let exists = try await sql(on: node, "SELECT to_regclass('\(writer.table)') IS NOT NULL")
        guard exists == "t" else { return committed }
        let present = Set(
            try await sql(on: node, "SELECT n FROM \(writer.table)").split(separator: "\n").compactMap { Int($0) })
        return committed.filter { !present.contains($0) }
    }
}
