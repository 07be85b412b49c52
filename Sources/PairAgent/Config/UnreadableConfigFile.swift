import PairCore

/// A configuration file that could not be read, with the diagnostic that says so.
public struct UnreadableConfigFile: Error {
    /// The diagnostic that says which file and why.
    public var diagnostic: ConfigDiagnostic
}
