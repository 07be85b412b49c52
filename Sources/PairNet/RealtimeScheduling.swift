import Glibc
import NIOCore

/// Real-time scheduling for the heartbeat thread, as heartbeat's `realtime on`: SCHED_RR for the thread and all
/// memory locked, so a busy or swapping machine does not delay heartbeats. Where the system refuses (no
/// CAP_SYS_NICE or CAP_IPC_LOCK, a container without a real-time budget) the outcome says why and the caller
/// carries on without.
public enum RealtimeScheduling {
    /// What worked and what did not.
    public struct Outcome: Sendable, Equatable, CustomStringConvertible {
        /// The SCHED_RR priority asked for.
        public var priority: Int32
        /// Nil when the thread now runs SCHED_RR at `priority`; otherwise why not (errno text).
        public var schedulingError: String?
        /// Nil when mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) succeeded; otherwise why not (errno text).
        public var memoryLockError: String?

        /// Creates an outcome.
        public init(priority: Int32, schedulingError: String?, memoryLockError: String?) {
            self.priority = priority
            self.schedulingError = schedulingError
            self.memoryLockError = memoryLockError
        }

        /// Whether the thread runs SCHED_RR.
        public var isRealtime: Bool { schedulingError == nil }
        /// Whether the process's memory is locked.
        public var isMemoryLocked: Bool { memoryLockError == nil }

        /// One line for the log, e.g. `SCHED_RR priority 10, memory locked`.
        public var description: String {
            let scheduling = schedulingError.map { "SCHED_RR refused: \($0)" } ?? "SCHED_RR priority \(priority)"
            let memory = memoryLockError.map { "mlockall refused: \($0)" } ?? "memory locked"
            return "\(scheduling), \(memory)"
        }
    }

    /// `MCL_ONFAULT` of <sys/mman.h>.
    static let lockOnFault: Int32 = 4

    /// Sets SCHED_RR at `priority` (1...99) on the calling thread and locks the process's memory, current and
    /// future, page by page as it is touched. Never fails: the outcome says what the system refused.
    public static func applyToCurrentThread(priority: Int32) -> Outcome {
        var schedulingError: String?
        let range = sched_get_priority_min(SCHED_RR)...sched_get_priority_max(SCHED_RR)
        if range.contains(priority) {
            var parameters = sched_param(sched_priority: priority)
            let result = pthread_setschedparam(pthread_self(), SCHED_RR, &parameters)
            if result != 0 { schedulingError = SystemError.describe(result) }
        } else {
            schedulingError =
                "priority \(priority) is outside SCHED_RR's range \(range.lowerBound)...\(range.upperBound)"
        }
        // MCL_ONFAULT (Linux 4.4): lock each page as it is first touched, rather than faulting in every mapped page
        // (whole shared libraries, whole stack reservations) up front — the same protection against paging for
        // what the agent uses, without an RSS of five times that.
        let memoryLockError = mlockall(MCL_CURRENT | MCL_FUTURE | Self.lockOnFault) == 0 ? nil : SystemError.current
        return Outcome(priority: priority, schedulingError: schedulingError, memoryLockError: memoryLockError)
    }

    /// Applies real-time scheduling to the thread of `eventLoop` (a single-thread loop the caller dedicates to the
    /// heartbeat); nil only when the loop has shut down.
    public static func apply(priority: Int32, on eventLoop: any EventLoop) async -> Outcome? {
        try? await eventLoop.submit { applyToCurrentThread(priority: priority) }.get()
    }
}
