/// The text of one configuration file and the path it was read from.
///
/// PairCore never reads files itself: the caller reads them and hands over their text. The path is used only to
/// name the file in diagnostics, exactly as the caller gave it.
public struct ConfigFile: Sendable, Equatable {
    /// The path as the caller wants it shown in diagnostics (`FILE:LINE: message`).
    public var path: String
    /// The file's contents.
    public var text: String

    /// Creates a configuration file from its path and its text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
