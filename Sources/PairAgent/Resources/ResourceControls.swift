import Logging
import PairCore

/// The side effects resources act through, and the settings they need: what turns a haresources group into a
/// ``GroupRunner``. Tests replace the controls with fakes.
public struct ResourceControls: Sendable {
    /// Adds and removes service addresses.
    public var addresses: any AddressControl
    /// Announces added addresses.
    public var announcer: any AddressAnnouncer
    /// Runs PostgreSQL.
    public var postgres: any PostgresControl
    /// Installs the newest copy before PostgreSQL starts.
    public var installer: any DataDirectoryInstaller
    /// Runs resource scripts.
    public var scripts: any ScriptRunner
    /// `resource_timeout`.
    public var timeout: Duration
    /// Where resources log.
    public var logger: Logger

    /// Controls from their parts.
    public init(
        addresses: any AddressControl, announcer: any AddressAnnouncer, postgres: any PostgresControl,
        installer: any DataDirectoryInstaller = KeepDataDirectory(), scripts: any ScriptRunner, timeout: Duration,
        logger: Logger
    ) {
        self.addresses = addresses
        self.announcer = announcer
        self.postgres = postgres
        self.installer = installer
        self.scripts = scripts
        self.timeout = timeout
        self.logger = logger
    }

    /// The real controls for `configuration`: `ip`, gratuitous ARP, the `postgres` server (its output appended to
    /// `STATE_DIR/postgresql.log`), the newest copy installed before it starts (``SnapshotInstaller``), resource
    /// scripts as child processes; `arpRepeats` says where the later gratuitous ARP announcements run.
    public static func system(
        for configuration: HAConfiguration, arpRepeats: ARPAddressAnnouncer.Repeats, logger: Logger
    ) -> Self {
        let timeout = configuration.monitoring.resourceTimeout
        let processes = SubprocessRunner()
        let settings = configuration.postgres
        let options = ServerPostgresControl.Options(
            settings: settings, logFile: "\(configuration.agent.stateDirectory)/postgresql.log", timeout: timeout)
        let probe = LibPQPostgresProbe(
            conninfo: settings.conninfo ?? defaultConninfo(settings), passfile: settings.passfile)
        return ResourceControls(
            addresses: IPRouteAddressControl(processes: processes, timeout: timeout),
            announcer: ARPAddressAnnouncer(logger: logger, repeats: arpRepeats),
            postgres: ServerPostgresControl(options: options, probe: probe, logger: logger),
            installer: SnapshotInstaller(configuration: configuration, logger: logger),
            scripts: ProcessScriptRunner(processes: processes, timeout: timeout),
            timeout: timeout, logger: logger)
    }

    /// How pgpair connects when `pg_conninfo` is not set: the default socket, `pg_port`, as `pg_user`.
    static func defaultConninfo(_ settings: PostgresSettings) -> String {
        "port=\(settings.port) dbname=postgres user='\(settings.user.replacingOccurrences(of: "'", with: "\\'"))'"
    }

    /// The resource that carries out `resource`.
    public func managed(_ resource: Resource) -> any ManagedResource {
        switch resource.kind {
        case .serviceAddress(let address):
            AddressResource(
                name: resource.written, serviceAddress: address, control: addresses, announcer: announcer,
                logger: logger)
        case .postgres(let dataDirectory):
            PostgresResource(
                name: resource.written, dataDirectory: dataDirectory, control: postgres, installer: installer)
        case .script(_, let path, let arguments):
            ScriptResource(name: resource.written, path: path, arguments: arguments, runner: scripts)
        }
    }

    /// The runner for `group`.
    public func runner(for group: ResourceGroup) -> GroupRunner {
        GroupRunner(name: group.name, resources: group.startOrder.map(managed), timeout: timeout, logger: logger)
    }
}
