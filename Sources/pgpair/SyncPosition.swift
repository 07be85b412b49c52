import ArgumentParser
import Logging
import PairAgent
import PairCore

/// Where this node stands for `pgpair sync`: asked of the local agent, or, when none answers, judged by whether
/// this node holds the service address of the `pgsql` group (as the classic db_sync script did).
struct SyncPosition {
    let configuration: PairConfiguration
    let logger: Logger

    /// The side, this node's data epoch and the peer's when known (for the snapshot's marker).
    func find() async throws -> (side: SyncSide.Position, epoch: UInt64?, peerEpoch: UInt64?) {
        let ha = configuration.ha
        let postgresGroup = configuration.resources.groups.first(where: \.holdsPostgres)
        do {
            let response = try await ControlClient(path: ha.agent.controlSocket).send(.status)
            if response.ok, let status = response.status {
                return (
                    SyncSide.Position(status: status, postgresGroup: postgresGroup?.name), status.epoch,
                    status.peer.epoch
                )
            }
            logger.warning("the agent gave no status; judging by the service address instead")
        } catch let error as ControlSocketError where error.code == .noAgent {
            logger.debug("no agent answers on \(ha.agent.controlSocket); judging by the service address")
        } catch {
            logger.warning("cannot ask the agent (\(error)); judging by the service address instead")
        }
        let epoch = try? NodeStateStore(directory: ha.agent.stateDirectory).load().epoch
        return (
            SyncSide.Position(runsPostgres: try await holdsServiceAddress(postgresGroup), peerRunsPostgres: nil), epoch,
            nil
        )
    }

    /// True when every service address of the `pgsql` group is on this node's interfaces.
    private func holdsServiceAddress(_ group: ResourceGroup?) async throws -> Bool {
        let addresses = (group?.resources ?? []).compactMap { resource -> ServiceAddress? in
            if case .serviceAddress(let address) = resource.kind { return address }
            return nil
        }
        guard !addresses.isEmpty, configuration.ha.sync.method != nil else {
            if configuration.ha.sync.method == nil { return false }
            StandardStreams.error(
                "pgpair sync: no agent answers and the pgsql group has no service address, so this node cannot "
                    + "tell whether it is the active; start the agent, or add the address to the pgsql group\n")
            throw ExitCode.failure
        }
        let control = IPRouteAddressControl(timeout: .seconds(10))
        for address in addresses {
            let device = address.interface.map { String($0.split(separator: ":", maxSplits: 1).first ?? "") }
            do {
                guard try await control.holder(of: address.address, on: device) != nil else { return false }
            } catch {
                StandardStreams.error("pgpair sync: cannot list this node's addresses: \(error)\n")
                throw ExitCode.failure
            }
        }
        return true
    }
}
