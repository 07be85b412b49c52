import ArgumentParser
import PairAgent
import PairCore

/// `pgpair check-config`: parse and validate the three files and print a summary.
struct CheckConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Parse and validate ha.cf, haresources and authkeys; print a summary.",
        discussion: """
            Every problem is printed to standard error as FILE:LINE: message (warnings as \
            FILE:LINE: warning: message); the summary goes to standard output. Exits 0 when the configuration \
            can be used (warnings allowed) and 78 on any configuration error.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let outcome = ConfigurationLoader.load(configDirectory: options.configDirectory, nodeName: options.nodeName)
        for diagnostic in outcome.diagnostics {
            StandardStreams.error(diagnostic.rendered + "\n")
        }
        guard let configuration = outcome.configuration else {
            throw ExitStatus.configError
        }
        StandardStreams.out(configuration.summary())
    }
}
