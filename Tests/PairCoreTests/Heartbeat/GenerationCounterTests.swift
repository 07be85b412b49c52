import Testing

@testable import PairCore

@Suite struct GenerationCounterTests {
    static let stored: [(String?, UInt64)] = [
        (nil, 0), ("", 0), ("\n", 0), ("0", 0), ("12", 12), ("12\n", 12), (" 12 \r\n", 12), ("007", 7),
        ("18446744073709551615", .max),
    ]

    @Test(arguments: stored.indices)
    func readsAStoredGeneration(index: Int) {
        let (text, generation) = Self.stored[index]
        #expect(GenerationCounter.storedGeneration(from: text) == .success(generation))
    }

    @Test(arguments: ["abc", "-1", "+1", "1 2", "1.0", "0x10", "18446744073709551616", "12\n13\n"])
    func rejectsAStoredTextThatIsNotAGeneration(text: String) {
        #expect(GenerationCounter.storedGeneration(from: text) == .failure(.notAGeneration))
        #expect(GenerationCounter.next(afterStored: text) == .failure(.notAGeneration))
    }

    @Test func countsOnFromTheStoredGeneration() {
        #expect(
            GenerationCounter.next(afterStored: nil) == .success(StartGeneration(generation: 1, textToStore: "1\n")))
        #expect(
            GenerationCounter.next(afterStored: "12\n")
                == .success(StartGeneration(generation: 13, textToStore: "13\n")))
    }

    @Test func neverGoesBelowTheFloor() {
        #expect(
            GenerationCounter.next(afterStored: nil, notBelow: 1_767_225_600)
                == .success(StartGeneration(generation: 1_767_225_600, textToStore: "1767225600\n")))
        #expect(
            GenerationCounter.next(afterStored: "1767225605", notBelow: 1_767_225_600)
                == .success(StartGeneration(generation: 1_767_225_606, textToStore: "1767225606\n")))
    }

    @Test func theLargestGenerationHasNoSuccessor() {
        #expect(GenerationCounter.next(afterStored: "18446744073709551615") == .failure(.exhausted))
    }

    @Test func errorsSayWhatToDo() {
        #expect(GenerationCounterError.notAGeneration.description.contains("remove it"))
        #expect(GenerationCounterError.exhausted.description.contains("restart both agents"))
    }
}
