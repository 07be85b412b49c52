import PairCore

/// Reads and validates the three configuration files of a node, with the checks that need the system: the file
/// system (scripts, authkeys' mode and owner) and this host's addresses.
public enum ConfigurationLoader {
    /// The configuration, or nil, and every diagnostic found (errors and warnings), in file and line order.
    public struct Outcome: Sendable {
        /// The validated configuration; nil when any error was found.
        public var configuration: PairConfiguration?
        /// Every problem found, in all three files.
        public var diagnostics: [ConfigDiagnostic]
    }

    /// The files in the configuration directory, in the order they are read and reported.
    public static let fileNames = ["ha.cf", "haresources", "authkeys"]

    /// Loads `ha.cf`, `haresources` and `authkeys` from `configDirectory` for the node named `nodeName`.
    public static func load(configDirectory: String, nodeName: String) -> Outcome {
        var diagnostics: [ConfigDiagnostic] = []
        var files: [ConfigFile] = []
        for name in fileNames {
            do {
                files.append(try ConfigFileReader.read(path(of: name, in: configDirectory), purpose: name))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        guard files.count == fileNames.count else {
            return Outcome(configuration: nil, diagnostics: diagnostics)
        }
        let host = hostFacts(configDirectory: configDirectory, nodeName: nodeName)
        let result = PairConfiguration.load(haCF: files[0], haresources: files[1], authkeys: files[2], host: host)
        diagnostics += result.diagnostics + AuthKeysPermissions.check(files[2].path)
        let usable = !diagnostics.contains(where: \.isError)
        return Outcome(configuration: usable ? result.value : nil, diagnostics: diagnostics)
    }

    /// The facts about this machine the configuration is checked against.
    static func hostFacts(configDirectory: String, nodeName: String) -> HostFacts {
        HostFacts(
            nodeName: nodeName, localAddresses: SystemFacts.localIPv4Addresses(),
            configDirectory: configDirectory, scriptLocator: FileSystemScriptLocator())
    }

    /// The path of a file in the configuration directory.
    public static func path(of name: String, in configDirectory: String) -> String {
        configDirectory.hasSuffix("/") ? configDirectory + name : configDirectory + "/" + name
    }
}

extension ConfigurationLoader {
    /// Loads `ha.cf` alone: what a client command (such as `status`, which members of `control_socket_group` may
    /// run without being able to read authkeys) needs to find the agent.
    public static func loadHAConfiguration(
        configDirectory: String, nodeName: String
    ) -> ConfigParseResult<HAConfiguration> {
        let file: ConfigFile
        do {
            file = try ConfigFileReader.read(path(of: "ha.cf", in: configDirectory), purpose: "ha.cf")
        } catch {
            return ConfigParseResult(value: nil, diagnostics: [error.diagnostic])
        }
        let host = hostFacts(configDirectory: configDirectory, nodeName: nodeName)
        return HAConfiguration.parse(file, host: host)
    }
}
