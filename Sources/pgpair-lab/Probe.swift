import ArgumentParser
import PairLab

/// `pgpair-lab probe`: the client probe the lab runs in its client namespace. Prints one JSON line
/// (`ProbeReport`); exits 0 when every step succeeded, 1 otherwise.
///
/// libpq blocks; this short-lived process does nothing else, so the calls run synchronously here.
struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Connect through an address, optionally insert a row and read it back; print who answered as JSON."
    )

    @Option(help: "The server's numeric IPv4 address.") var host: String
    @Option(help: "The server's port.") var port = 5432
    @Option(help: "The database user.") var user = "postgres"
    @Option(help: "The database.") var database = "postgres"
    @Option(help: "Seconds to wait for the connection.") var connectTimeout = 2
    @Option(help: "A value to insert into pgpair_probe and read back.") var insert: String?
    @Option(help: "A value to look for in pgpair_probe.") var find: String?

    func validate() throws {
        guard host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) else {
            throw ValidationError("--host must be a numeric IPv4 address: the probe never looks a name up")
        }
        guard connectTimeout >= 1 else { throw ValidationError("--connect-timeout must be at least 1 second") }
    }

    func run() throws {
        var probe = ClientProbe(host: host, port: port)
        probe.user = user
        probe.database = database
        probe.connectTimeoutSeconds = connectTimeout
        probe.insert = insert
        probe.find = find
        let report = probe.run()
        print(try report.jsonLine())
        if !report.ok { throw ExitCode.failure }
    }
}
