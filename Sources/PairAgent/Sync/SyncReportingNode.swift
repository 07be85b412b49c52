import PairCore

/// The node as the control socket sees it, with the `sync` object added to its status.
struct SyncReportingNode: NodeControl {
    let node: any NodeControl
    let sync: SyncService

    func status() async -> NodeStatus {
        var status = await node.status()
        status.sync = sync.status(for: status)
        return status
    }

    func request(_ request: OperatorRequest) async -> OperatorReply {
        await node.request(request)
    }
}
