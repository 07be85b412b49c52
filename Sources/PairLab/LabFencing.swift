/// The lab's fencing kit, under `ROOT/fence/`: ssh keys (a host key per sshd, one user key), known_hosts files, the
/// sshd configurations, and the fence programs. See `Lab.prepareFencing()`.
///
/// Node death belongs to the lab, which owns the namespaces and the PIDs, so a fence program never kills anything
/// itself: `fence-node NODE` drops a request file into `requests/` and waits for the lab's acknowledgement in
/// `done/` (`LabFenceResponder`), which is written only once the node is dead. `stop-NODE`, run on the node itself
/// through its own sshd, kills the PIDs the lab listed in `pids/NODE` (the agent, then its postmaster) and removes
/// the service address, and exits 0 only once both are gone.
public struct LabFencing: Sendable, Hashable {
    /// Which known_hosts file an ssh fence checks the host key against.
    public enum KnownHosts: Sendable, Hashable {
        /// Every sshd of the lab: the fence host and both nodes.
        case complete
        /// Both nodes' keys only: the fence host's key is unknown.
        case withoutFenceHost
    }

    /// A local fence program (`fence command PATH`).
    public enum Program: Sendable, Hashable {
        /// `fence-node`: node death of the named node, through the lab.
        case nodeDeath
        /// `fence-fails`: prints a reason and exits 1.
        case failing
    }

    /// The kit's directory.
    public let directory: String

    public init(paths: LabPaths) {
        directory = "\(paths.root)/fence"
    }

    /// The user's private key (no passphrase), whose public half every sshd authorizes.
    public var userKey: String { "\(directory)/user_key" }
    /// The authorized keys of every lab sshd: the user key's public half.
    public var authorizedKeys: String { "\(directory)/authorized_keys" }

    /// The known_hosts file for `knownHosts`.
    public func knownHostsFile(_ knownHosts: KnownHosts) -> String {
        switch knownHosts {
        case .complete: "\(directory)/known_hosts"
        case .withoutFenceHost: "\(directory)/known_hosts_without_fence_host"
        }
    }

    /// The private host key of the sshd in `namespace` (`fence` or a node's).
    func hostKey(_ namespace: LabNamespace) -> String { "\(directory)/host_key_\(namespace.role)" }
    /// The sshd configuration for `namespace`.
    func sshdConfig(_ namespace: LabNamespace) -> String { "\(directory)/sshd_\(namespace.role).conf" }
    /// The sshd log for `namespace`.
    public func sshdLog(_ namespace: LabNamespace) -> String { "\(directory)/sshd_\(namespace.role).log" }

    /// Where fence requests arrive (`NODE.PID.NANOSECONDS`).
    public var requestDirectory: String { "\(directory)/requests" }
    /// Where the lab acknowledges them, under the request's name.
    public var doneDirectory: String { "\(directory)/done" }
    /// The programs.
    var binDirectory: String { "\(directory)/bin" }
    /// The PIDs `stop-NODE` kills, one a line, in order, kept by the lab.
    public func pidFile(of node: LabNode) -> String { "\(directory)/pids/\(node.name)" }

    /// The path of `program`.
    public func path(_ program: Program) -> String {
        switch program {
        case .nodeDeath: "\(binDirectory)/fence-node"
        case .failing: "\(binDirectory)/fence-fails"
        }
    }

    /// The path of the program that stops `node` on the node itself.
    public func stopProgram(of node: LabNode) -> String { "\(binDirectory)/stop-\(node.name)" }

    /// The acknowledgement's content: what `fence-node` checks before it exits 0.
    static func acknowledgement(of node: LabNode) -> String { "fenced \(node.name)\n" }

    /// `fence-node`: the peer's name is its last argument (`fence command` appends it; `fence ssh`'s command names
    /// it). Waits at most 60 s for the lab.
    func nodeDeathScript() -> String {
        """
        #!/bin/sh
        # pgpair lab fence program (PairLab's LabFencing): node death of the named node, done by the lab.
        PATH=/usr/sbin:/usr/bin:/sbin:/bin
        for node; do :; done
        case "$node" in
        \(LabNode.allCases.map(\.name).joined(separator: "|"))) ;;
        *) echo "fence-node: unknown node '$node'"; exit 2 ;;
        esac
        id="$node.$$.$(date +%s%N)"
        echo "$node" > "\(requestDirectory)/.$id" && mv "\(requestDirectory)/.$id" "\(requestDirectory)/$id" || exit 1
        waited=0
        while [ ! -e "\(doneDirectory)/$id" ]; do
            waited=$((waited + 1))
            if [ "$waited" -gt 6000 ]; then echo "fence-node: the lab did not acknowledge $id"; exit 1; fi
            sleep 0.01
        done
        if [ "$(cat "\(doneDirectory)/$id")" = "fenced $node" ]; then echo "fenced $node"; exit 0; fi
        echo "fence-node: $(cat "\(doneDirectory)/$id")"
        exit 1

        """
    }

    /// `fence-fails`.
    func failingScript() -> String {
        """
        #!/bin/sh
        # pgpair lab fence program (PairLab's LabFencing): a fence that always fails.
        echo "fence-fails: the power switch of ${PGPAIR_FENCE_PEER:-the peer} does not answer"
        exit 1

        """
    }

    /// `stop-NODE`, run as root in `node`'s namespace by its sshd: SIGKILL to the PIDs the lab listed (the agent
    /// first, so it restarts nothing), then the service address removed; exits 0 once every PID is gone (a zombie
    /// counts as gone) and the address is off the LAN interface.
    func stopScript(for node: LabNode, topology: LabTopology) -> String {
        let address = topology.serviceAddress
        return """
            #!/bin/sh
            # pgpair lab fence program (PairLab's LabFencing): stops \(node.name) on \(node.name) itself.
            PATH=/usr/sbin:/usr/bin:/sbin:/bin
            pids=$(cat "\(pidFile(of: node))") || exit 1
            for pid in $pids; do kill -KILL "$pid" 2>/dev/null; done
            if ip -o -4 addr show dev \(topology.lanInterface) | grep -q " \(address.address)/"; then
                ip addr del \(address.cidr) dev \(topology.lanInterface) || exit 1
            fi
            alive() { [ -e "/proc/$1" ] && ! grep -q '^[0-9]* (.*) Z ' "/proc/$1/stat" 2>/dev/null; }
            waited=0
            for pid in $pids; do
                while alive "$pid"; do
                    waited=$((waited + 1))
                    if [ "$waited" -gt 1000 ]; then echo "stop-\(node.name): pid $pid still runs"; exit 1; fi
                    sleep 0.01
                done
            done
            echo "stopped \(node.name): pids $pids, \(address.address) removed"
            exit 0

            """
    }

    /// The sshd configuration for the sshd in `namespace`, listening on `address` port 22.
    func sshdConfiguration(_ namespace: LabNamespace, address: String) -> String {
        """
        # sshd of the pgpair lab's \(namespace), written by PairLab.
        ListenAddress \(address)
        Port 22
        HostKey \(hostKey(namespace))
        AuthorizedKeysFile \(authorizedKeys)
        PermitRootLogin prohibit-password
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        UsePAM no
        StrictModes no
        PidFile none
        UseDNS no
        LogLevel VERBOSE

        """
    }
}

extension LabPaths {
    /// The fencing kit of the run (`LabFencing`).
    public var fencing: LabFencing {
        LabFencing(paths: self)
    }
}
