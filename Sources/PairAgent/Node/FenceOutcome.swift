/// How a fence attempt ended.
struct FenceOutcome: Sendable, Equatable {
    /// True when the fence is confirmed: the program or remote command exited 0.
    var succeeded: Bool
    /// How it ended, in a few words: `exit status 3: no such domain`, or why it could not run.
    var summary: String
    /// The start of its output (bounded), for the log.
    var output: String
}
