/// The text of the two files that hold a node's persisted state in `state_dir`: `epoch` (a decimal number) and
/// `marker` (`unclean-stop EPOCH` or `last-active EPOCH`). One line each, so an operator can read them.
extension PersistedNodeState {
    /// The `epoch` file's text.
    public static func epochText(_ epoch: UInt64) -> String {
        "\(epoch)\n"
    }

    /// The `marker` file's text.
    public static func markerText(_ marker: NodeMarker) -> String {
        switch marker {
        case .uncleanStop(let epoch): return "unclean-stop \(epoch)\n"
        case .lastActive(let epoch): return "last-active \(epoch)\n"
        }
    }

    /// The epoch read from the `epoch` file's text, or a message saying what is wrong with it.
    public static func parseEpoch(_ text: String) -> Result<UInt64, PersistedStateError> {
        let trimmed = text.trimmingWhitespace
        guard let epoch = UInt64(trimmed) else {
            return .failure(PersistedStateError("the epoch file holds \"\(trimmed.prefix(40))\", not a number"))
        }
        return .success(epoch)
    }

    /// The marker read from the `marker` file's text, or a message saying what is wrong with it.
    public static func parseMarker(_ text: String) -> Result<NodeMarker, PersistedStateError> {
        let words = text.trimmingWhitespace.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, let epoch = UInt64(words[1]) else {
            return .failure(
                PersistedStateError(
                    "the marker file holds \"\(text.trimmingWhitespace.prefix(40))\", not "
                        + "\"unclean-stop EPOCH\" or \"last-active EPOCH\""))
        }
        switch words[0] {
        case "unclean-stop": return .success(.uncleanStop(epoch: epoch))
        case "last-active": return .success(.lastActive(epoch: epoch))
        default:
            return .failure(PersistedStateError("the marker file names \"\(words[0].prefix(20))\", an unknown marker"))
        }
    }
}

/// A persisted state file that cannot be read as pgpair wrote it. The agent refuses to start rather than guess:
/// the epoch and the marker decide whether this node may start on its own data.
public struct PersistedStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line ends.
    fileprivate var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
