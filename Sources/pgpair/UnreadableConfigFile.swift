import PairCore

/// A configuration file that could not be read, with the diagnostic that says so.
struct UnreadableConfigFile: Error {
    var diagnostic: ConfigDiagnostic
}
