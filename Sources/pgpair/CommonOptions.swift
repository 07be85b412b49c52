import ArgumentParser
import PairAgent

/// The options every pgpair command takes.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The directory holding ha.cf, haresources and authkeys (default: $PGPAIR_CONFIG_DIR, or /etc/pgpair).",
            valueName: "dir"))
    var configDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "This node's name as ha.cf's node lines give it (default: $PGPAIR_NODE, or `uname -n`).",
            valueName: "name"))
    var node: String?

    /// The configuration directory: `--config-dir`, else `PGPAIR_CONFIG_DIR`, else `/etc/pgpair`.
    var configDirectory: String {
        if let configDir { return configDir }
        if let fromEnvironment = SystemFacts.environment("PGPAIR_CONFIG_DIR"), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "/etc/pgpair"
    }

    /// This node's name: `--node`, else `PGPAIR_NODE`, else `uname -n`.
    var nodeName: String {
        if let node { return node }
        if let fromEnvironment = SystemFacts.environment("PGPAIR_NODE"), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return SystemFacts.hostName()
    }

    func validate() throws {
        if configDir?.isEmpty == true {
            throw ValidationError("--config-dir needs a directory.")
        }
        if node?.isEmpty == true {
            throw ValidationError("--node needs a node name.")
        }
    }
}
