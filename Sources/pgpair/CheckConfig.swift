import ArgumentParser
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
        var diagnostics: [ConfigDiagnostic] = []
        var texts: [ConfigFile] = []
        for name in ["ha.cf", "haresources", "authkeys"] {
            do {
                texts.append(try ConfigFileReader.read(options.path(of: name), purpose: name))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        var summary: String?
        if texts.count == 3 {
            let host = HostFacts(
                nodeName: options.nodeName, localAddresses: SystemFacts.localIPv4Addresses(),
                configDirectory: options.configDirectory, scriptLocator: FileSystemScriptLocator())
            let result = PairConfiguration.load(haCF: texts[0], haresources: texts[1], authkeys: texts[2], host: host)
            diagnostics += result.diagnostics + AuthKeysPermissions.check(texts[2].path)
            summary = result.value?.summary()
        }
        for diagnostic in diagnostics {
            StandardStreams.error(diagnostic.rendered + "\n")
        }
        guard let summary, !diagnostics.contains(where: \.isError) else {
            throw ExitStatus.configError
        }
        StandardStreams.out(summary)
    }
}
