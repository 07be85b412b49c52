import Testing

@testable import PairCore

@Suite struct HAConfigParserValuesTests {
    @Test func missingValueGivesAnExample() {
        #expect(
            ConfigFixtures.ha("keepalive").errors.map(\.rendered) == [
                "ha.cf:6: `keepalive` needs a value, e.g. `keepalive 1`"
            ])
    }

    @Test func extraValuesGiveAnExample() {
        #expect(
            ConfigFixtures.ha("deadtime 10 20").errors.map(\.rendered) == [
                "ha.cf:6: `deadtime` takes one value, not 2; e.g. `deadtime 30`"
            ])
    }

    @Test func malformedTimeSaysWhatToWrite() {
        #expect(
            ConfigFixtures.ha("warntime soon").errors.map(\.rendered) == [
                "ha.cf:6: `warntime soon` is not a time; write seconds (`30`, `0.5`) or milliseconds (`500ms`), "
                    + "e.g. `warntime 10`"
            ])
    }

    @Test func nonNumberSaysTheRange() {
        #expect(
            ConfigFixtures.ha("restart_limit lots").errors.map(\.message) == [
                "`restart_limit` must be a whole number from 0 to 1000, not `lots`; e.g. `restart_limit 3`"
            ])
    }

    @Test func relativePathSaysAbsolute() {
        #expect(
            ConfigFixtures.ha("state_dir pgpair").errors.map(\.message) == [
                "`state_dir` needs an absolute path, not `pgpair`; e.g. `state_dir /var/lib/pgpair`"
            ])
    }

    @Test(arguments: [
        ("on", true), ("ON", true), ("yes", true), ("y", true), ("true", true), ("1", true),
        ("off", false), ("no", false), ("n", false), ("False", false), ("0", false),
    ])
    func booleans(text: String, value: Bool) {
        #expect(HAConfigParser.booleanValue(text) == value)
    }

    @Test(arguments: ["maybe", "", "2", "onn"])
    func notBooleans(text: String) {
        #expect(HAConfigParser.booleanValue(text) == nil)
    }

    @Test(arguments: [
        ("eth0", true), ("hb0", true), ("enp0s31f6", true), ("eth0.100", true), ("", false),
        ("eth/0", false), ("a b", false), ("..", false), ("abcdefghijklmnop", false), ("abcdefghijklmno", true),
    ])
    func interfaceNames(name: String, valid: Bool) {
        #expect(HAConfigParser.isInterfaceName(name) == valid)
    }

    @Test(arguments: [
        ("castor", true), ("db-1.example.com", true), ("node_2", true), ("-x", false), ("a/b", false),
        ("", false), ("ca stor", false),
    ])
    func hostNames(name: String, valid: Bool) {
        #expect(HAConfigParser.isHostName(name) == valid)
    }
}
