import Testing

@testable import PairCore

@Suite struct ArgumentWordsTests {
    @Test(arguments: [
        ("-c cluster_name=castor", ["-c", "cluster_name=castor"]),
        ("  -c   a=b  ", ["-c", "a=b"]),
        ("-c \"search_path=a, b\"", ["-c", "search_path=a, b"]),
        ("-c 'x=\"q\"'", ["-c", "x=\"q\""]),
        ("a\\ b c", ["a b", "c"]),
        ("''", [""]),
        ("-o \"a\\\"b\"", ["-o", "a\"b"]),
        ("", []),
    ])
    func splits(text: String, words: [String]) {
        #expect(ArgumentWords.split(text) == words)
    }

    @Test(arguments: ["-c 'open", "-c \"open", "trailing\\"])
    func rejectsUnclosedQuotes(text: String) {
        #expect(ArgumentWords.split(text) == nil)
    }
}
