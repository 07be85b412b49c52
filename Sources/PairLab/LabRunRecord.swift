/// What a lab run has created, written to the registry before it creates anything, so a later run can
/// clean up after one whose owner died.
public struct LabRunRecord: Codable, Sendable, Equatable {
    /// A process the run started.
    public struct Process: Codable, Sendable, Equatable {
        public var name: String
        public var pid: Int32
        public var startTime: UInt64

        public init(name: String, pid: Int32, startTime: UInt64) {
            self.name = name
            self.pid = pid
            self.startTime = startTime
        }
    }

    public var runID: String
    /// The process that built the lab; while it lives, nobody else touches the run.
    public var ownerPID: Int32
    public var ownerStartTime: UInt64
    /// The run's root directory (see `LabPaths`).
    public var root: String
    public var namespaces: [String]
    public var processes: [Process]

    public init(
        runID: String,
        ownerPID: Int32,
        ownerStartTime: UInt64,
        root: String,
        namespaces: [String],
        processes: [Process] = []
    ) {
        self.runID = runID
        self.ownerPID = ownerPID
        self.ownerStartTime = ownerStartTime
        self.root = root
        self.namespaces = namespaces
        self.processes = processes
    }

    /// Whether every name in the record has the lab's own shape and carries its run ID: the sweep acts
    /// only on such records, so a corrupt or foreign file can never make it delete something else.
    public var isWellFormed: Bool {
        LabTopology.isRunID(runID)
            && namespaces.allSatisfy { LabTopology.isLabNamespaceName($0) && $0.contains("-\(runID)-") }
            && (root.isEmpty || (LabPaths.isRunRoot(root) && root.hasSuffix(runID)))
    }

    /// Whether the owner still runs.
    public var ownerIsAlive: Bool {
        ProcessTable.isAlive(pid: ownerPID, startTime: ownerStartTime)
    }
}
