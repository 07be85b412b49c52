import Foundation

/// What the client saw of one move of the service, from the watch's reports (`ServiceWatch`), all timestamps taken
/// by the client: the last answer from the old node, the first from the new one, and the client-observed downtime as
/// DESIGN.md defines it — from the fault (or the operator's command) to the first successful new connection through
/// the service address served by the new node.
public struct ServiceOutage: Sendable, Equatable {
    /// The fault, or the start of the planned switchover.
    public var fault: Date
    /// The last successful connection served by the old node, if the client saw one before the new node answered.
    public var lastOldAnswer: Date?
    /// The first successful connection served by the new node at or after the fault.
    public var firstNewAnswer: Date
    /// Attempts started from the fault until the first new answer that failed.
    public var failedAttempts: Int

    public init(fault: Date, lastOldAnswer: Date?, firstNewAnswer: Date, failedAttempts: Int) {
        self.fault = fault
        self.lastOldAnswer = lastOldAnswer
        self.firstNewAnswer = firstNewAnswer
        self.failedAttempts = failedAttempts
    }

    /// Client-observed downtime: from the fault to the first new answer.
    public var downtime: Duration {
        Self.duration(from: fault, to: firstNewAnswer)
    }

    /// From the last answer of the old node to the first of the new one, when the client saw the old node answer.
    public var gap: Duration? {
        lastOldAnswer.map { Self.duration(from: $0, to: firstNewAnswer) }
    }

    /// When the successful attempts served by the cluster named `clusterName` connected, in order.
    public static func answerTimes(in reports: [ProbeReport], from clusterName: String) -> [Date] {
        reports.filter { $0.ok && $0.clusterName == clusterName }.compactMap(\.connectedAt).sorted()
    }

    /// The outage in `reports` for a move from the node named `old` to the node named `new` that began at `fault`;
    /// nil until the new node has answered.
    public static func measure(reports: [ProbeReport], fault: Date, from old: String, to new: String)
        -> ServiceOutage?
    {
        guard let first = answerTimes(in: reports, from: new).first(where: { $0 >= fault }) else { return nil }
        let lastOld = answerTimes(in: reports, from: old).last { $0 <= first }
        let failed = reports.filter { !$0.ok && $0.startedAt >= fault && $0.startedAt < first }.count
        return ServiceOutage(fault: fault, lastOldAnswer: lastOld, firstNewAnswer: first, failedAttempts: failed)
    }

    static func duration(from start: Date, to end: Date) -> Duration {
        .milliseconds(Int64((end.timeIntervalSince(start) * 1_000).rounded()))
    }
}
