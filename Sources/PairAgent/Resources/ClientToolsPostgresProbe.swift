/// ``PostgresProbe`` through PostgreSQL's client programs: `pg_isready` (which is libpq's `PQping`) and `psql`.
///
/// The agent's libpq wrapper (PairPostgres) is the intended probe — one `PQping` per poll, no process — once
/// PairAgent may depend on it; this one needs nothing but the server's own bin directory, and every value it passes
/// is an argument, never a shell word. A password never appears: `pg_conninfo` holds none, and `pg_passfile`
/// reaches libpq as `PGPASSFILE`.
public struct ClientToolsPostgresProbe: PostgresProbe {
    private let processes: any ProcessRunner
    private let binDirectory: String
    private let conninfo: String
    private let environment: [String: String]

    /// A probe using the programs in `binDirectory`, connecting with `conninfo`.
    public init(
        processes: any ProcessRunner = FoundationProcessRunner(), binDirectory: String, conninfo: String,
        passfile: String?
    ) {
        self.processes = processes
        self.binDirectory = binDirectory
        self.conninfo = conninfo
        var environment = ["PGCONNECT_TIMEOUT": "5"]
        if let passfile { environment["PGPASSFILE"] = passfile }
        self.environment = environment
    }

    public func ping() async -> PostgresPing {
        let command = ProcessCommand(
            "\(binDirectory)/pg_isready", ["-q", "-t", "5", "-d", conninfo], environment: environment,
            timeout: .seconds(10))
        guard let outcome = try? await processes.run(command) else { return .noResponse }
        switch outcome.exitStatus {
        case 0: return .accepting
        case 1: return .rejecting
        case 3: return .noAttempt
        default: return .noResponse
        }
    }

    public func selectOne() async throws {
        let command = ProcessCommand(
            "\(binDirectory)/psql",
            ["-X", "-A", "-t", "-w", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", "SELECT 1"],
            environment: environment, timeout: .seconds(15))
        let outcome = try await processes.run(command)
        guard outcome.succeeded, outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1" else {
            throw ResourceError(.actionFailed, "SELECT 1 failed: \(outcome.summary)")
        }
    }
}
