import Testing
@testable import Rules
import VaktloggCore

@Suite struct OrganisedCrimeTests {
    @Test func sixWithAllRequiredIsOrganised() throws {
        let r = try engine.organisedCrime(criteria: [1, 3, 5, 11, 2, 7])
        #expect(r.organised)
        #expect(r.count == 6)
        #expect(r.missingRequired.isEmpty)
    }

    @Test func fiveIsNotEnoughEvenWithAllRequired() throws {
        let r = try engine.organisedCrime(criteria: [1, 3, 5, 11, 2])
        #expect(!r.organised)
        #expect(r.count == 5)
        #expect(r.missingRequired.isEmpty)
    }

    @Test(arguments: [1, 3, 5, 11])
    func eachRequiredMissingInTurn(missing: Int) throws {
        let all = Array(1...11).filter { $0 != missing }
        let r = try engine.organisedCrime(criteria: all)
        #expect(r.count == 10)
        #expect(!r.organised, "10 criteria but \(missing) absent")
        #expect(r.missingRequired == [missing])
    }

    @Test func missingRequiredIsAscending() throws {
        let r = try engine.organisedCrime(criteria: [2, 4, 6, 7, 8, 9, 10])
        #expect(r.missingRequired == [1, 3, 5, 11])
        #expect(!r.organised)
    }

    @Test func allElevenIsOrganised() throws {
        #expect(try engine.organisedCrime(criteria: Array(1...11)).organised)
    }

    @Test func contractRefusesDuplicatesAndRange() {
        let dup = answer(#"{"check":"organised_crime","criteria":[1,3,3]}"#)
        #expect(!dup.ok)
        #expect(dup.json["error"]["field"].string == "criteria[2]")
        #expect(dup.json["error"]["code"].string == "duplicate")
        let range = answer(#"{"check":"organised_crime","criteria":[1,12]}"#)
        #expect(range.json["error"]["field"].string == "criteria[1]")
        let zero = answer(#"{"check":"organised_crime","criteria":[0]}"#)
        #expect(zero.json["error"]["field"].string == "criteria[0]")
        let type = answer(#"{"check":"organised_crime","criteria":["1"]}"#)
        #expect(type.json["error"]["code"].string == "invalid_type")
    }

    @Test func contractResult() {
        let (ok, j) = answer(#"{"check":"organised_crime","criteria":[11,5,3,2,4,6]}"#)
        #expect(ok)
        #expect(j["organised"].bool == false)
        #expect(j["count"].int == 6)
        #expect(j["missing_required"] == .array([.int(1)]))
    }
}

@Suite struct SeriousCrimeTests {
    @Test(arguments: OffenceKind.allCases)
    func penaltyExactlySixIsManual(offence: OffenceKind) throws {
        #expect(try engine.seriousCrime(offence: offence, maxPenaltyYears: 6).result == .manualAssessment)
    }

    @Test(arguments: OffenceKind.allCases)
    func penaltyAboveSix(offence: OffenceKind) throws {
        let expected: SeriousCrimeResult = [.violence, .sexual, .narcotics].contains(offence) ? .serious : .manualAssessment
        #expect(try engine.seriousCrime(offence: offence, maxPenaltyYears: 6.5).result == expected)
        #expect(try engine.seriousCrime(offence: offence, maxPenaltyYears: 21).result == expected)
    }

    @Test func zeroPenaltyAndNegative() throws {
        #expect(try engine.seriousCrime(offence: .violence, maxPenaltyYears: 0).result == .manualAssessment)
        #expect(throws: ValidationError.self) { try engine.seriousCrime(offence: .violence, maxPenaltyYears: -1) }
    }

    @Test func contract() {
        #expect(answer(#"{"check":"serious_crime","offence":"narcotics","max_penalty_years":6.01}"#).json["result"].string == "serious")
        #expect(answer(#"{"check":"serious_crime","offence":"narcotics","max_penalty_years":6}"#).json["result"].string == "manual_assessment")
        #expect(answer(#"{"check":"serious_crime","offence":"economic","max_penalty_years":15}"#).json["result"].string == "manual_assessment")
        let bad = answer(#"{"check":"serious_crime","offence":"arson","max_penalty_years":10}"#)
        #expect(bad.json["error"]["field"].string == "offence")
        let neg = answer(#"{"check":"serious_crime","offence":"violence","max_penalty_years":-0.5}"#)
        #expect(neg.json["error"]["field"].string == "max_penalty_years")
    }
}
