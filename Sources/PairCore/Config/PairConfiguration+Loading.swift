extension PairConfiguration {
    /// Parses and validates the three files together and reports every problem in all of them.
    ///
    /// The caller reads the files (PairCore does no I/O) and supplies the facts about this host. Diagnostics come
    /// file by file (ha.cf, haresources, authkeys), each file's in line order. haresources is checked against what
    /// ha.cf declares even when ha.cf has errors, so that both files' problems show at once.
    public static func load(
        haCF: ConfigFile, haresources: ConfigFile, authkeys: ConfigFile, host: HostFacts
    ) -> ConfigParseResult<PairConfiguration> {
        let ha = HAConfigParser.parse(haCF, host: host)
        let resources = HAResources.parse(
            haresources, nodes: ha.configuration.nodes,
            defaultDataDirectory: ha.configuration.postgres.dataDirectory, host: host)
        let keys = AuthKeys.parse(authkeys)
        let haResult = ConfigParseResult(value: ha.configuration, diagnostics: ha.diagnostics.sorted)
        let diagnostics = haResult.diagnostics + resources.diagnostics + keys.diagnostics
        guard let haValue = haResult.value, let resourcesValue = resources.value, let keysValue = keys.value else {
            return ConfigParseResult(value: nil, diagnostics: diagnostics)
        }
        return ConfigParseResult(
            value: PairConfiguration(ha: haValue, resources: resourcesValue, authKeys: keysValue),
            diagnostics: diagnostics)
    }
}
