import Testing

@testable import PairCore

@Suite struct DurationConfigSyntaxTests {
    @Test(arguments: [
        ("1", 1_000), ("30", 30_000), ("0.5", 500), (".25", 250), ("1.", 1_000), ("1.2345", 1_235),
        ("500ms", 500), ("500MS", 500), ("250msec", 250), ("2s", 2_000), ("2sec", 2_000), ("1.5ms", 2),
        ("1500us", 2), ("499us", 0), ("0", 0), ("0ms", 0), ("120", 120_000),
    ])
    func parses(text: String, milliseconds: Int64) {
        #expect(Duration(configValue: text)?.wholeMilliseconds == milliseconds)
    }

    @Test(arguments: ["", "ms", "fast", "1m", "1h", "-1", "1.2.3", ".", "1 ms", "1e3", "10000000000", "½"])
    func rejects(text: String) {
        #expect(Duration(configValue: text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(30), "30s"), (.milliseconds(1500), "1500ms"), (.milliseconds(250), "250ms"),
        (.zero, "0s"),
    ])
    func describes(duration: Duration, text: String) {
        #expect(duration.configDescription == text)
    }
}
