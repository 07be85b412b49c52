import PairPostgres
import Testing

@Suite struct ConninfoTests {
    @Test func quotesValuesSoLibpqReadsThemBack() {
        var conninfo = Conninfo(["host": "/tmp/a dir", "application_name": "it's \\ here"])
        conninfo["port"] = "5432"
        #expect(conninfo.string == #"host='/tmp/a dir' application_name='it\'s \\ here' port='5432'"#)
        conninfo["port"] = nil
        #expect(conninfo["port"] == nil)
        #expect(conninfo.parameters.map(\.keyword) == ["host", "application_name"])
    }

    @Test func describesItselfWithoutThePassword() {
        let conninfo = Conninfo(["host": "198.18.0.1", "password": "s3cret", "sslpassword": "k3y"])
        #expect(!conninfo.description.contains("s3cret"))
        #expect(!conninfo.description.contains("k3y"))
        #expect(conninfo.description.contains("198.18.0.1"))
        #expect(conninfo.string.contains("s3cret"))
    }
}
