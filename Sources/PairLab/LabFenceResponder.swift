import Foundation
import Synchronization

/// The lab's side of a fence: watches `ROOT/fence/requests/` (written by `fence-node`, see `LabFencing`), performs
/// node death of the named node (`Lab.failNode`: its processes killed, its links cut) and only then writes the
/// acknowledgement the fence program waits for. Every request is answered; the lab owns the PIDs and namespaces,
/// so the fence program itself kills nothing.
///
/// Start it with `Lab.startFenceResponder()`; call `stop()` before the lab is torn down.
public final class LabFenceResponder: Sendable {
    /// One answered request.
    public struct Fence: Sendable, Equatable {
        /// The node that was fenced.
        public var node: LabNode
        /// When the request file was seen.
        public var requested: Date
        /// When the acknowledgement was written, the node dead.
        public var acknowledged: Date
    }

    private let task: Task<Void, Never>
    private let performed = Performed()

    /// The fences performed so far, in order.
    public var fences: [Fence] {
        performed.fences.withLock { $0 }
    }

    private final class Performed: Sendable {
        let fences = Mutex<[Fence]>([])
    }

    init(lab: Lab) {
        let fencing = lab.paths.fencing
        let performed = self.performed
        task = Task {
            var answered: Set<String> = []
            while !Task.isCancelled {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: fencing.requestDirectory)) ?? []
                for name in names.sorted() where !name.hasPrefix(".") && !answered.contains(name) {
                    answered.insert(name)
                    let requested = Date()
                    let nodeName = String(name.prefix { $0 != "." })
                    var answer = "unknown node \(nodeName)\n"
                    if let node = LabNode.allCases.first(where: { $0.name == nodeName }) {
                        do {
                            try await lab.failNode(node)
                            answer = LabFencing.acknowledgement(of: node)
                            let fence = Fence(node: node, requested: requested, acknowledged: Date())
                            performed.fences.withLock { $0.append(fence) }
                        } catch {
                            answer = "node death of \(nodeName) failed: \(error)\n"
                        }
                    }
                    lab.logger.info("lab: fence request \(name) answered: \(answer)")
                    try? lab.writeFencingFile(answer, to: "\(fencing.doneDirectory)/\(name)", mode: 0o644)
                }
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    /// Stops answering and returns every fence performed, in order.
    public func stop() async -> [Fence] {
        task.cancel()
        await task.value
        return fences
    }
}
