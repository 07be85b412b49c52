extension Lab {
    /// Runs the client probe in the client namespace: connects to `host` through the LAN with libpq,
    /// optionally inserts `insert` and reads it back, optionally looks for `find`, and reports who
    /// answered. A probe that could not connect or query is a report with `ok == false`, not an error;
    /// this throws only when the probe printed no report.
    public func probe(
        _ host: String,
        port: Int? = nil,
        insert: String? = nil,
        find: String? = nil,
        connectTimeoutSeconds: Int = 2
    ) async throws -> ProbeReport {
        var arguments = [
            executables.pgpairLab, "probe", "--host", host, "--port", "\(port ?? topology.postgresPort)",
            "--connect-timeout", "\(connectTimeoutSeconds)",
        ]
        if let insert { arguments += ["--insert", insert] }
        if let find { arguments += ["--find", find] }
        let output = try await run(in: .client, arguments, timeout: .seconds(connectTimeoutSeconds + 60))
        guard let line = output.standardOutput.split(whereSeparator: \.isNewline).last,
            let report = try? ProbeReport.parse(jsonLine: String(line))
        else {
            throw LabError(
                .probeFailed,
                "the probe printed no report (exit \(output.exitCode)): \(output.standardError.suffix(2_000))"
            )
        }
        return report
    }
}
