extension HAConfiguration {
    /// Parses and validates ha.cf alone; the value is nil when there is an error.
    ///
    /// `host` supplies this node's name (it must be one of the two nodes) and its addresses (a `ucast` line naming
    /// one of them is ignored).
    public static func parse(_ file: ConfigFile, host: HostFacts) -> ConfigParseResult<HAConfiguration> {
        let parser = HAConfigParser.parse(file, host: host)
        return ConfigParseResult(value: parser.configuration, diagnostics: parser.diagnostics.sorted)
    }
}
