import ArgumentParser
import Logging
import PairAgent

#if canImport(Glibc)
    import Glibc
#endif

/// `pgpair agent`: run the node daemon in the foreground.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Run the node daemon in the foreground.",
        discussion: """
            Exits 0 after SIGTERM or SIGINT, 78 when the configuration has an error (so a service manager stops \
            restarting it), 1 on any other failure to start. SIGHUP re-reads authkeys. Logs go to syslog \
            (logfacility), to logfile and debugfile when set, and to standard error when it is a terminal or with \
            --log-stderr.
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Also log to standard error (the default when standard error is a terminal).")
    var logStderr = false

    @Flag(help: "Log debug messages too.")
    var debug = false

    func run() async throws {
        let outcome = ConfigurationLoader.load(configDirectory: options.configDirectory, nodeName: options.nodeName)
        for diagnostic in outcome.diagnostics {
            StandardStreams.error(diagnostic.rendered + "\n")
        }
        guard let configuration = outcome.configuration else {
            throw ExitStatus.configError
        }
        LoggingSystem.bootstrap(
            AgentLogging.makeFactory(
                settings: configuration.ha.logging, standardError: logStderr || isatty(STDERR_FILENO) == 1,
                level: debug ? .debug : .info))
        let logger = Logger(label: "pgpair.agent")
        do {
            try await Agent(configuration: configuration, configDirectory: options.configDirectory, logger: logger)
                .run()
        } catch {
            logger.critical("agent failed: \(error)")
            StandardStreams.error("pgpair agent: \(error)\n")
            throw ExitCode.failure
        }
    }
}
