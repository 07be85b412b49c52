import Logging

/// How pgpair renders one log record as text: the message, then its metadata as sorted `key=value` pairs.
enum LogLine {
    /// `message key=value key=value`, with metadata keys sorted so lines compare and grep well.
    static func render(message: Logger.Message, metadata: Logger.Metadata, source: String?) -> String {
        var text = message.description
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            text += " \(key)=\(value)"
        }
        return text
    }
}
