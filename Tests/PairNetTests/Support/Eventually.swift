/// Polls `condition` until it holds or `limit` passes; returns whether it held. The limit only keeps a broken
/// test from hanging: tests assert what happened, never how fast.
func eventually(within limit: Duration = .seconds(30), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
