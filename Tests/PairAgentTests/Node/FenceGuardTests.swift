import PairCore
import PairTestSupport
import Synchronization
import Testing

@testable import PairAgent

/// The fence guard: one attempt, one report stamped when it ended, the result logged (with the output on failure).
@Suite("fence guard")
struct FenceGuardTests {
    final class ScriptedFence: Fence {
        let outcome: FenceOutcome
        let delay: Duration
        let peers = Mutex<[String]>([])

        init(outcome: FenceOutcome, delay: Duration = .zero) {
            self.outcome = outcome
            self.delay = delay
        }

        var method: String { "command /usr/local/sbin/fence-peer" }

        func fence(peer: String) async throws -> FenceOutcome {
            peers.withLock { $0.append(peer) }
            try await Task.sleep(for: delay)
            return outcome
        }
    }

    @Test("a confirmed fence is reported once, after the attempt, and the guard returns")
    func confirmed() async throws {
        let fence = ScriptedFence(outcome: FenceOutcome(succeeded: true, summary: "exit status 0", output: ""))
        let log = CapturedLog()
        let answers = GuardAnswers()
        let began = ContinuousClock.now
        await FenceGuard(fence: fence, peer: "pollux", logger: log.logger).run(report: answers.report)
        #expect(fence.peers.withLock { $0 } == ["pollux"])
        #expect(answers.all.map(\.answer) == [.fence(succeeded: true)])
        #expect(try #require(answers.all.first).at >= began)
        let fenced = try #require(log.matching("peer fenced").first)
        #expect(fenced.metadata["peer.node"] == "pollux")
        #expect(fenced.metadata["fence.method"] == "command /usr/local/sbin/fence-peer")
    }

    @Test("a failed fence is reported once, and logged with its reason and output")
    func failed() async throws {
        let outcome = FenceOutcome(succeeded: false, summary: "exit status 2: bmc busy", output: "trying\nbmc busy\n")
        let log = CapturedLog()
        let answers = GuardAnswers()
        await FenceGuard(fence: ScriptedFence(outcome: outcome), peer: "pollux", logger: log.logger)
            .run(report: answers.report)
        #expect(answers.all.map(\.answer) == [.fence(succeeded: false)])
        let failure = try #require(log.matching("fence failed").first)
        #expect(failure.level == .error)
        #expect(failure.metadata["fence.result"] == "exit status 2: bmc busy")
        #expect(failure.metadata["fence.output"] == "trying\nbmc busy\n")
    }

    @Test("a fence stopped before it ends reports nothing")
    func stopped() async throws {
        let fence = ScriptedFence(
            outcome: FenceOutcome(succeeded: true, summary: "exit status 0", output: ""), delay: .seconds(60))
        let answers = GuardAnswers()
        let task = Task {
            await FenceGuard(fence: fence, peer: "pollux", logger: CapturedLog().logger).run(report: answers.report)
        }
        #expect(await guardEventually { !fence.peers.withLock { $0 }.isEmpty })
        task.cancel()
        await task.value
        #expect(answers.count == 0)
    }
}
