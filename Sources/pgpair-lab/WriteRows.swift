import ArgumentParser
import Foundation
import PairLab

/// `pgpair-lab write-rows`: the lab's row writer (it runs in the client namespace). Commits numbered rows 1, 2, 3 …
/// into a table through an address, one row per transaction, and appends each number to `--out` only after its COMMIT
/// returned OK (`RowWriter`). Reconnects after every error; runs until it is ended (SIGTERM) or `--duration-seconds`
/// pass. Errors go to standard error, one line each. No password is ever an argument: the lab's servers trust the
/// lab range.
///
/// libpq blocks; this short-lived process does nothing else, so the calls run synchronously here.
struct WriteRows: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Commit numbered rows through an address; list each number once its COMMIT returned OK."
    )

    @Option(help: "The server's numeric IPv4 address.") var host: String
    @Option(help: "The server's port.") var port = 5432
    @Option(help: "The table (a lower-case SQL identifier), created when missing.") var table = "pgpair_rows"
    @Option(help: "Milliseconds between a commit and the next row.") var intervalMs = 20
    @Option(help: "The file each committed number is appended to.") var out: String
    @Option(help: "Seconds after which the writer ends by itself.") var durationSeconds = 3_600

    func validate() throws {
        guard host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) else {
            throw ValidationError("--host must be a numeric IPv4 address: the writer never looks a name up")
        }
        guard RowWriter.isTableName(table) else {
            throw ValidationError("--table must be a lower-case SQL identifier (letters, digits, _)")
        }
        guard intervalMs >= 1 else { throw ValidationError("--interval-ms must be at least 1") }
        guard durationSeconds >= 1 else { throw ValidationError("--duration-seconds must be at least 1") }
    }

    func run() throws {
        let writer = RowWriter(
            host: host, port: port, table: table, interval: .milliseconds(intervalMs), outputPath: out)
        let end = Date().addingTimeInterval(Double(durationSeconds))
        try writer.run(shouldStop: { Date() >= end }) { message in
            FileHandle.standardError.write(Data("\(Date().formatted(.iso8601)) write-rows: \(message)\n".utf8))
        }
    }
}
