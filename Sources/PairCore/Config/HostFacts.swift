/// What the configuration needs to know about the machine it is loaded on; the caller finds these out.
public struct HostFacts: Sendable {
    /// This node's name (`--node`, `PGPAIR_NODE` or `uname -n`); compared with `node` lines case-insensitively.
    public var nodeName: String
    /// This node's IPv4 addresses, used to ignore a `ucast` line naming this node; nil when they cannot be known,
    /// in which case every `ucast` line is kept.
    public var localAddresses: Set<IPv4Address>?
    /// The configuration directory, whose `resource.d/` is searched for resource scripts first.
    public var configDirectory: String
    /// Looks up resource scripts.
    public var scriptLocator: any ResourceScriptLocator

    /// Creates the facts about this host.
    public init(
        nodeName: String,
        localAddresses: Set<IPv4Address>?,
        configDirectory: String,
        scriptLocator: any ResourceScriptLocator
    ) {
        self.nodeName = nodeName
        self.localAddresses = localAddresses
        self.configDirectory = configDirectory
        self.scriptLocator = scriptLocator
    }

    /// The node name as pgpair compares it (lower case, as heartbeat does).
    var normalizedNodeName: String { nodeName.lowercased() }
}
