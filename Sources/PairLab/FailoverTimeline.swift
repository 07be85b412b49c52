import Foundation

/// A takeover after a fault, as the new active's agent logged it (`AgentLogLine`s written after the fault) and as the
/// client saw it: the steps DESIGN.md's takeover goes through, each with its time. Steps the log does not show (a
/// guard that is not configured) are simply absent.
public struct FailoverTimeline: Sendable, Equatable {
    /// One step.
    public struct Event: Sendable, Equatable {
        /// What happened, e.g. `dead verdict`.
        public var name: String
        public var time: Date
        /// The log line's particulars, when they say more than the name (e.g. the installed copy).
        public var detail: String?

        public init(name: String, time: Date, detail: String? = nil) {
            self.name = name
            self.time = time
            self.detail = detail
        }
    }

    /// The fault: every time is shown relative to it.
    public var fault: Date
    /// The steps, in time order.
    public var events: [Event]

    public init(fault: Date, events: [Event]) {
        self.fault = fault
        self.events = events.sorted { $0.time < $1.time }
    }

    /// The timeline from the new active's log lines written after the fault and the client's first successful
    /// connection served by the new active. A step that can happen once (the verdict, the install, …) is taken from
    /// its first line.
    public init(fault: Date, agentLines: [AgentLogLine], firstClientSuccess: Date?) {
        var events: [Event] = []
        for event in agentLines.flatMap(Self.events(in:))
        where Self.repeatable.contains(event.name) || !events.contains(where: { $0.name == event.name }) {
            events.append(event)
        }
        if let firstClientSuccess {
            events.append(Event(name: "first client success", time: firstClientSuccess))
        }
        self.init(fault: fault, events: events)
    }

    /// The steps that may show more than once: one line per link, per ping target.
    static let repeatable: Set<String> = ["link down", "guard: ping target answers", "guard answered"]

    /// The steps one log line shows (most show none).
    static func events(in line: AgentLogLine) -> [Event] {
        let message = messageOf(line.text)
        let time = line.time
        func value(_ key: String) -> String? { metadata(key, in: line.text) }
        switch message {
        case _ where message.hasPrefix("peer dead"):
            let dead = Event(name: "dead verdict", time: time)
            guard let silent = value("heartbeat.silent_ms").flatMap(Double.init) else { return [dead] }
            return [Event(name: "last heartbeat heard", time: time.addingTimeInterval(-silent / 1_000)), dead]
        case "peer silent past warntime", "late heartbeat":
            return [Event(name: "late-heartbeat warning", time: time)]
        case "heartbeat link down":
            return [Event(name: "link down", time: time, detail: value("heartbeat.medium"))]
        case "role changed" where value("node.role") == "starting":
            return [Event(name: "guards passed, group starting", time: time)]
        case _ where message.hasPrefix("guard answered: "):
            // The agent logs a running guard's first answer and every change of it (duplicate-address check,
            // ping, fence).
            return [Event(name: "guard answered", time: time, detail: String(message.dropFirst(16)))]
        case "ping target answers", "ping target answers again":
            return [Event(name: "guard: ping target answers", time: time, detail: value("ping.target"))]
        case "fencing the peer":
            return [Event(name: "guard: fencing the peer", time: time)]
        case "peer fenced":
            let duration = value("fence.duration_ms").map { "\($0) ms" }
            return [Event(name: "guard: peer fenced", time: time, detail: duration)]
        case _ where message.hasPrefix("installed "):
            let copy = value("sync.snapshot") ?? installedCopy(in: message)
            return [Event(name: "copy installed", time: time, detail: copy)]
        case _ where message.hasPrefix("kept the data directory"):
            return [Event(name: "data directory kept", time: time)]
        case "resource started":
            guard let name = value("resource.name"), isAddressResource(name) else { return [] }
            return [Event(name: "IP announced", time: time, detail: name)]
        case "postgres ready":
            return [Event(name: "PostgreSQL accepting connections", time: time)]
        default:
            return []
        }
    }

    /// Whether a haresources resource is a service address: `IPaddr::…`, `IPaddr2::…` or a bare address.
    static func isAddressResource(_ name: String) -> Bool {
        name.hasPrefix("IPaddr") || name.first?.isNumber == true
    }

    /// The value of `key=value` in a log line's metadata: up to the next ` key=` (a value may hold spaces, as a
    /// medium's ha.cf line does).
    static func metadata(_ key: String, in text: String) -> String? {
        guard let range = text.range(of: " \(key)=") else { return nil }
        let rest = text[range.upperBound...]
        var end = rest.endIndex
        var index = rest.startIndex
        while let space = rest[index...].firstIndex(of: " ") {
            let word = rest[rest.index(after: space)...].prefix { $0 != " " }
            if let equals = word.firstIndex(of: "="), equals > word.startIndex,
                word[..<equals].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "." || $0 == "_" })
            {
                end = space
                break
            }
            index = rest.index(after: space)
        }
        return String(rest[..<end])
    }

    /// The log line's message: the text after the level word, up to its first metadata pair.
    static func messageOf(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).dropFirst()
        return words.prefix { !$0.contains("=") }.joined(separator: " ")
    }

    /// The snapshot an install message names (`installed NAME: reason`), as its last path component.
    static func installedCopy(in message: String) -> String? {
        let path = message.dropFirst("installed ".count).prefix { $0 != ":" && $0 != " " }
        return path.split(separator: "/").last.map(String.init)
    }

    /// The first step named `name`.
    public func first(_ name: String) -> Event? {
        events.first { $0.name == name }
    }

    /// Milliseconds from the fault to `time` (negative before it).
    public func milliseconds(to time: Date) -> Int64 {
        Int64((time.timeIntervalSince(fault) * 1_000).rounded())
    }

    /// One line a step, the fault among them: `  +2043 ms  dead verdict`, times relative to the fault.
    public var lines: [String] {
        let steps =
            [(Int64(0), "fault: node death of the active")]
            + events.map { event in
                (milliseconds(to: event.time), event.name + (event.detail.map { " (\($0))" } ?? ""))
            }
        // A stable order: the fault before a step logged in the same millisecond.
        return steps.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            .map { "  \(Self.offset($0.element.0))  \($0.element.1)" }
    }

    static func offset(_ milliseconds: Int64) -> String {
        let text = (milliseconds < 0 ? "-" : "+") + "\(abs(milliseconds)) ms"
        return String(repeating: " ", count: max(0, 9 - text.count)) + text
    }
}
