/// How this node fences its peer before taking over.
public enum FenceMethod: Sendable, Equatable {
    /// `fence command PATH [ARG…]`: runs a local program with its arguments and the peer's name; exit 0 = fenced.
    case command(path: String, arguments: [String])
    /// `fence ssh …`: runs a command on a fence host over ssh.
    case ssh(SSHFenceTarget)
}
