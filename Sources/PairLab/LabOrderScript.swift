/// The lab's script resource, `resource.d/order`: it records every start and stop it is asked for, with whether
/// the service address and PostgreSQL were up at that moment, one line each in the node's
/// `log/resource-order.log`. A group `ADDRESS order::first pgsql order::last` started left to right records
/// `first start address=up postgres=down`, then `last start address=up postgres=up`; stopped right to left,
/// `last stop address=up postgres=up`, then `first stop address=up postgres=down`.
///
/// It is a shell script because that is what a resource script is; the agent runs it, inside the node's namespace.
public enum LabOrderScript {
    /// The script's name in `resource.d` and haresources.
    public static let name = "order"
    /// The argument of the instance before `pgsql`.
    public static let first = "first"
    /// The argument of the instance after `pgsql`.
    public static let last = "last"
    /// The file name of its record in the node's log directory.
    public static let logFileName = "resource-order.log"

    /// One recorded call.
    public struct Record: Sendable, Hashable, CustomStringConvertible {
        /// The instance: `first` or `last`.
        public var instance: String
        /// `start` or `stop`.
        public var action: String
        /// Whether the service address was on the LAN interface.
        public var addressUp: Bool
        /// Whether PostgreSQL's postmaster.pid was there.
        public var postgresUp: Bool

        public init(instance: String, action: String, addressUp: Bool, postgresUp: Bool) {
            self.instance = instance
            self.action = action
            self.addressUp = addressUp
            self.postgresUp = postgresUp
        }

        public var description: String {
            "\(instance) \(action) address=\(addressUp ? "up" : "down") postgres=\(postgresUp ? "up" : "down")"
        }

        /// Parses a line the script wrote; nil for anything else.
        public static func parse(_ line: Substring) -> Record? {
            let words = line.split(separator: " ")
            guard words.count == 4, ["start", "stop"].contains(words[1]),
                let address = flag(words[2], "address"), let postgres = flag(words[3], "postgres")
            else { return nil }
            return Record(
                instance: String(words[0]), action: String(words[1]), addressUp: address, postgresUp: postgres)
        }

        private static func flag(_ word: Substring, _ name: String) -> Bool? {
            switch word {
            case "\(name)=up": true
            case "\(name)=down": false
            default: nil
            }
        }
    }

    /// Every record in `text`, in order.
    public static func records(in text: String) -> [Record] {
        text.split(separator: "\n").compactMap(Record.parse)
    }

    /// The script for `node`: it looks for the service address on the LAN interface and for PostgreSQL's
    /// postmaster.pid in the node's pgdata, keeps its running state under the node's `run/`, and appends to the
    /// node's log.
    public static func script(for node: LabNode, topology: LabTopology, paths: LabPaths) -> String {
        let nodePaths = paths.node(node)
        return """
            #!/bin/sh
            # The pgpair lab's order-recording resource (PairLab's LabOrderScript): NAME start|stop|status.
            PATH=/usr/sbin:/usr/bin:/sbin:/bin
            name="$1"
            state="\(nodePaths.directory)/run/order-$name.running"
            record() {
                if ip -o -4 addr show dev \(topology.lanInterface) | grep -q " \(topology.serviceAddress.address)/"; then
                    address=up
                else
                    address=down
                fi
                if [ -e "\(nodePaths.pgdata)/postmaster.pid" ]; then postgres=up; else postgres=down; fi
                echo "$name $1 address=$address postgres=$postgres" >> "\(nodePaths.logDirectory)/\(logFileName)"
            }
            case "$2" in
            start) record start; touch "$state" ;;
            stop) record stop; rm -f "$state" ;;
            status) if [ -e "$state" ]; then exit 0; else exit 3; fi ;;
            *) echo "usage: $0 NAME start|stop|status" >&2; exit 2 ;;
            esac
            exit 0

            """
    }
}
