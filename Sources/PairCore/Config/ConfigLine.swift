/// One logical line of a configuration file: its words, without comments, joined across `\` continuations.
struct ConfigLine: Sendable, Equatable {
    /// How `#` starts a comment.
    enum CommentStyle: Sendable {
        /// `#` at the start of a word comments out the rest of the line (ha.cf, haresources).
        case wordStart
        /// Only a line whose first non-blank character is `#` is a comment (authkeys, where a key may hold `#`).
        case wholeLine
    }

    /// The 1-based number of the line's first physical line.
    var number: Int
    /// The words; never empty.
    var tokens: [ConfigToken]

    /// The first word (the directive).
    var directive: ConfigToken { tokens[0] }

    /// The words after the first.
    var arguments: ArraySlice<ConfigToken> { tokens.dropFirst() }

    /// The line's words joined by single spaces, as the summary and `status` show a line.
    var normalized: String { tokens.map(\.text).joined(separator: " ") }
}
