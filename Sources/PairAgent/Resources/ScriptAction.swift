/// The last argument a resource script is called with.
public enum ScriptAction: String, Sendable, CaseIterable {
    case start
    case stop
    case status
}
