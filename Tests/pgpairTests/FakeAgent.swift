import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in for `pgpair agent` on a control socket: it answers `status` with the next of a list of status
/// objects (the last one repeats) and operator commands with a fixed reply, and records every request it gets.
/// It speaks the wire format by hand, so these tests also pin what the CLI sends and understands.
final class FakeAgent: Sendable {
    /// The socket's path.
    let path: String
    private let listener: Int32
    private let statuses: [Data]
    private let refusal: String?
    private let state = Mutex<State>(State())
    private let stopped = DispatchSemaphore(value: 0)

    private struct State {
        var requests: [Data] = []
        var statusesServed = 0
    }

    /// Listens on `path`: `statuses` answer `status` in turn; operator commands are accepted, or refused with
    /// `refusal` when given.
    init(path: String, statuses: [[String: Any]], refusal: String? = nil) throws {
        self.path = path
        self.statuses = try statuses.map { try JSONSerialization.data(withJSONObject: $0) }
        self.refusal = refusal
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: Array(path.utf8.prefix(buffer.count - 1)) + [0])
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        chmod(path, 0o600)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Every request received, in order, as decoded JSON objects.
    var requests: [[String: Any]] {
        state.withLock { $0.requests }.map { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] ?? [:] }
    }

    /// The `command` of every request received, in order.
    var commands: [String] { requests.map { $0["command"] as? String ?? "?" } }

    /// Stops listening and removes the socket.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        stopped.wait()
        close(listener)
        unlink(path)
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                break
            }
            answer(connection)
            close(connection)
        }
        stopped.signal()
    }

    private func answer(_ connection: Int32) {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(connection, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        guard let request = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { return }
        let isStatus = request["command"] as? String == "status"
        let response = state.withLock { state in
            state.requests.append(Data(line))
            return respond(isStatus: isStatus, state: &state)
        }
        var bytes = Array(response)
        bytes.append(UInt8(ascii: "\n"))
        _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }

    private func respond(isStatus: Bool, state: inout State) -> Data {
        if isStatus {
            let status = statuses[min(state.statusesServed, statuses.count - 1)]
            state.statusesServed += 1
            return Data(#"{"ok":true,"error":null,"status":"#.utf8) + status + Data("}".utf8)
        }
        let answer: [String: Any] = refusal.map { ["ok": false, "error": $0] } ?? ["ok": true]
        return (try? JSONSerialization.data(withJSONObject: answer)) ?? Data()
    }

    /// A `status` object for castor, whose peer is pollux, as docs/status-json.md describes it. `groups` are
    /// (group, owner or nil, state), all with home castor.
    static func status(
        role: String = "active", blockedReason: String? = nil, needsOperator: Bool = false,
        peerState: String = "up", peerRole: String? = "standby", groups: [(String, String?, String)]
    ) -> [String: Any] {
        [
            "node": "castor", "role": role, "blocked_reason": blockedReason ?? NSNull(),
            "block_needs_operator": needsOperator, "epoch": 1, "generation": 2, "protocol": 1,
            "peer": [
                "node": "pollux", "state": peerState, "role": peerRole ?? NSNull(), "epoch": 1,
                "links": [["medium": "ucast lo 127.0.0.1", "state": "up", "last_heard_ms": 100]],
                "rejected": ["auth": 0, "replay": 0, "malformed": 0],
            ] as [String: Any],
            "resources": groups.map { group, owner, state in
                ["group": group, "home": "castor", "owner": owner ?? NSNull(), "state": state] as [String: Any]
            },
        ]
    }
}
