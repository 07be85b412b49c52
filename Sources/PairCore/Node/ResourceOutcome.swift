/// How a group's start, stop or check ended.
public enum ResourceOutcome: Sendable, Equatable {
    /// Every resource did what was asked (a check: every resource runs).
    case succeeded
    /// A resource failed; the text says which and why, for the log.
    case failed(String)
}
