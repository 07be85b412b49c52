extension AuthKeys {
    /// Parses and validates authkeys; the value is nil when there is an error. No diagnostic contains a key.
    ///
    /// The file's mode and owner are not checked here (PairCore does no I/O): the caller checks them.
    public static func parse(_ file: ConfigFile) -> ConfigParseResult<AuthKeys> {
        let parser = AuthKeysParser.parse(file)
        return ConfigParseResult(value: parser.result, diagnostics: parser.diagnostics.sorted)
    }
}
