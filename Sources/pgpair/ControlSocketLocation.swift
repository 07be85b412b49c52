import ArgumentParser
import PairAgent

/// Finds the control socket a client command talks to: `control_socket` from ha.cf. Only ha.cf is read, so a
/// member of `control_socket_group`, who cannot read authkeys, can still run `status`.
enum ControlSocketLocation {
    /// The socket path; a configuration error (exit 78) when ha.cf cannot be loaded.
    static func path(options: CommonOptions) throws -> String {
        let result = ConfigurationLoader.loadHAConfiguration(
            configDirectory: options.configDirectory, nodeName: options.nodeName)
        guard let configuration = result.value else {
            for diagnostic in result.diagnostics where diagnostic.isError {
                StandardStreams.error(diagnostic.rendered + "\n")
            }
            throw ExitStatus.configError
        }
        return configuration.agent.controlSocket
    }
}
