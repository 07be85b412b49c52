/// One whitespace-separated word of a configuration line, with the physical line it is on.
struct ConfigToken: Sendable, Equatable {
    /// The word as written.
    var text: String
    /// The 1-based physical line the word is on (continued lines keep their own numbers).
    var line: Int
    /// The rest of the logical line from this word on, comments removed, as written.
    var restOfLine: String
}
