/// Where a planned switchover stands, as `Switchover.verdict(before:latest:)` judges it.
public enum SwitchoverVerdict: Sendable, Equatable {
    /// The groups are where the command wanted them, running.
    case done
    /// It cannot finish without an operator; the reason says why.
    case failed(String)
    /// Not yet; look again.
    case waiting
}
