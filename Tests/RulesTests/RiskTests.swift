import Testing
@testable import Rules
import VaktloggCore

@Suite struct RiskTests {
    static let expected: [(Int, RiskBand)] = [
        (1, .low), (2, .low), (3, .low), (4, .low), (5, .moderate), (6, .moderate), (8, .moderate), (9, .moderate),
        (10, .high), (12, .high), (15, .high), (16, .high), (20, .critical), (25, .critical),
    ]

    @Test func everyProbabilityAndConsequence() throws {
        let table = Dictionary(uniqueKeysWithValues: Self.expected)
        for p in 1...5 {
            for c in 1...5 {
                let r = try engine.risk(probability: p, consequence: c)
                #expect(r.score == p * c)
                #expect(r.band == table[p * c], "score \(p * c)")
                #expect(r.trace.map(\.rule) == [.risk])
                #expect(r.trace.first?.kind == .threshold)
            }
        }
    }

    @Test(arguments: [(1, 4, RiskBand.low), (1, 5, .moderate), (3, 3, .moderate), (2, 5, .high), (4, 4, .high), (4, 5, .critical)])
    func bandEdges(p: Int, c: Int, band: RiskBand) throws {
        #expect(try engine.risk(probability: p, consequence: c).band == band)
    }

    @Test(arguments: [(0, 3, "probability"), (6, 3, "probability"), (3, 0, "consequence"), (3, 6, "consequence"), (-1, 1, "probability")])
    func outOfRangeIsRefused(p: Int, c: Int, field: String) {
        let error = #expect(throws: ValidationError.self) { try engine.risk(probability: p, consequence: c) }
        #expect(error?.field == field)
        #expect(error?.code == .outOfRange)
    }

    @Test func contractLine() {
        let (ok, j) = answer(#"{"check":"risk","probability":4,"consequence":4}"#)
        #expect(ok)
        #expect(j["score"].int == 16)
        #expect(j["band"].string == "high")
        #expect(j["check"].string == "risk")
        #expect(j["rules_version"].string == RuleSet.default.version)
        #expect(j["trace"][0]["rule"].string == "risk")
        #expect(j["trace"][0]["kind"].string == "threshold")
    }
}
