import Foundation
import Testing

/// Fails the calling test (rather than touching the host's network) unless the process runs in a network namespace
/// of its own with no default route (`unshare --net`, as `make test` runs the tests).
public func requireIsolatedNetwork(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let routes = (try? String(contentsOfFile: "/proc/net/route", encoding: .utf8)) ?? ""
    let hasDefault = routes.split(separator: "\n").dropFirst().contains { line in
        let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
        return fields.count > 7 && fields[1] == "00000000" && fields[7] == "00000000"
    }
    try #require(
        !hasDefault, "this network namespace has a default route; run the tests under `unshare --net` (make test does)",
        sourceLocation: sourceLocation)
}
