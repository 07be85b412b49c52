/// A resource group's state, as `status` shows it (`resources[].state`).
public enum GroupState: String, Sendable, Equatable, CaseIterable {
    /// Its owner runs it.
    case running
    /// No node runs it.
    case stopped
    /// Its owner is starting it.
    case starting
    /// Its owner is stopping it.
    case stopping
    /// It failed here: a stop that did not succeed (it may still run), or a start that failed with no node to take it.
    case failed
}
