extension HAResources {
    /// Parses and validates haresources against the nodes and the default `pgdata` of ha.cf; the value is nil when
    /// there is an error. Home nodes are checked only when `nodes` holds exactly two names. Scripts are looked up
    /// through `host.scriptLocator` in `CONFIG-DIR/resource.d/`, then `/etc/init.d/`.
    public static func parse(
        _ file: ConfigFile, nodes: [String], defaultDataDirectory: String?, host: HostFacts
    ) -> ConfigParseResult<HAResources> {
        let context = HAResourcesParser.Context(
            nodes: nodes.map { $0.lowercased() }, defaultDataDirectory: defaultDataDirectory, host: host)
        let parser = HAResourcesParser.parse(file, context: context)
        return ConfigParseResult(value: HAResources(groups: parser.groups), diagnostics: parser.diagnostics.sorted)
    }
}
