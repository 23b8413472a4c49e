import Foundation
import Testing
@testable import Rules
import VaktloggCore

/// The contract's fields added with ksf-2006.2, through `RulesContract.answer` (what
/// `vaktlogg rules evaluate` runs), at their boundaries.
@Suite struct RevisionTwoContractTests {
    static func measureLine(assessed: String, lastP1: String?, justification: String? = nil) -> String {
        let p1 = lastP1.map { #","last_p1_at":"\#($0)""# } ?? ""
        let j = justification.map { #","justification":"\#($0)""# } ?? ""
        return #"{"check":"measure","at":"2024-06-28T10:00:00+02:00","measure":{"type":"exclusion","purpose":"security","burdens":[],"restrictiveness":3\#(j)},"assessment":{"band":"high","assessed_at":"\#(assessed)"\#(p1)}}"#
    }

    /// Same Oslo day (also when the UTC date differs), next Oslo day, absent and null.
    @Test(arguments: [
        (nil as String?, "allowed"),
        ("2024-06-10T23:30:00+02:00", "allowed"),
        ("2024-06-10T22:30:00Z", "needs_justification"),  // 00:30 on 11 June in Oslo
        ("2024-06-10T21:30:00Z", "allowed"),  // 23:30 on 10 June in Oslo
        ("2024-06-11T08:00:00+02:00", "needs_justification"),
    ])
    func lastP1AgainstAssessment(lastP1: String?, outcome: String) {
        let (ok, j) = answer(Self.measureLine(assessed: "2024-06-10", lastP1: lastP1))
        #expect(ok)
        #expect(j["outcome"].string == outcome, "\(lastP1 ?? "none")")
        if outcome == "needs_justification" {
            #expect(j["violations"][0]["reason"].string == "assessment_overtaken_by_p1")
            #expect(j["violations"][0]["rule"].string == "proportionality")
            let cured = answer(Self.measureLine(assessed: "2024-06-10", lastP1: lastP1, justification: "Haster; ny vurdering bestilt"))
            #expect(cured.json["outcome"].string == "allowed")
            #expect(cured.json["violations"][0]["justified"].bool == true)
        }
    }

    @Test func lastP1MayBeNullAndIsValidated() {
        let null = answer(Self.measureLine(assessed: "2024-06-10", lastP1: nil).replacingOccurrences(
            of: #""assessed_at":"2024-06-10""#, with: #""assessed_at":"2024-06-10","last_p1_at":null"#))
        #expect(null.json["outcome"].string == "allowed")
        let bad = answer(Self.measureLine(assessed: "2024-06-10", lastP1: "yesterday"))
        #expect(!bad.ok)
        #expect(bad.json["error"]["field"].string == "assessment.last_p1_at")
    }

    /// Each purpose × tier-1 burden, with and without a justification, through the contract.
    @Test(arguments: [("order", "rejected", "rejected"), ("security", "needs_justification", "allowed"),
                      ("rehabilitation", "needs_justification", "allowed")])
    func purposeBurdeningTier1(purpose: String, without: String, with: String) {
        for burden in ["life_health", "public_safety"] {
            let base = #"{"check":"measure","at":"2024-06-28T10:00:00Z","measure":{"type":"isolation","purpose":"\#(purpose)","burdens":["\#(burden)"],"restrictiveness":0"#
            #expect(answer(base + "}}").json["outcome"].string == without, "\(purpose)/\(burden)")
            #expect(answer(base + #","justification":"Voldelig; isolasjon nødvendig"}}"#).json["outcome"].string == with)
        }
    }

    static func decisionLine(_ fields: String) -> String { #"{"check":"decision","decision":{\#(fields)}}"# }

    @Test(arguments: [
        // type, flags, significant, waiver, outcome, significant by default
        ("leave", "[]", false, nil as String?, "rejected", true),
        ("leave", "[]", false, "Ledsaget dagpermisjon til begravelse", "allowed", true),
        ("leave", "[\"forvaring\"]", false, "Ledsaget dagpermisjon", "rejected", true),
        ("release_progression", "[\"infoflyt\"]", false, "Ikke relevant", "rejected", true),
        ("leave", "[\"remand_restricted\"]", false, "Ledsaget", "allowed", true),
        ("transfer_higher", "[\"infoflyt\"]", false, nil, "allowed", false),
        ("visit", "[]", false, nil, "allowed", false),
        ("transfer_lower", "[\"forvaring\"]", true, nil, "allowed", true),
    ])
    func significanceByType(type: String, flags: String, significant: Bool, waiver: String?, outcome: String, byDefault: Bool) {
        var fields = #""decision_type":"\#(type)","person_flags":\#(flags),"public_safety_significant":\#(significant)"#
        if significant { fields += #","justification":"Vurdert","assessment_refs":["RV-1"]"# }
        if let waiver { fields += #","not_significant_reason":"\#(waiver)""# }
        let (ok, j) = answer(Self.decisionLine(fields))
        #expect(ok)
        #expect(j["outcome"].string == outcome, "\(type) \(flags)")
        #expect(j["significant_by_default"].bool == byDefault)
        #expect(j["trace"][0]["rule"].string == "significant_decision")
    }

    @Test func firstSetHasNoSignificantTypes() {
        let line = Self.decisionLine(#""decision_type":"leave","person_flags":["forvaring"],"public_safety_significant":false"#)
        let (ok, j) = answer(line, engine: engine2006_1)
        #expect(ok)
        #expect(j["outcome"].string == "allowed")
        #expect(j["rules_version"].string == "ksf-2006.1")
        #expect(answer(Self.decisionLine(#""decision_type":"holiday","public_safety_significant":false"#)).json["error"]["field"].string
                == "decision.decision_type")
    }

    @Test func significanceFunction() {
        #expect(engine.significance(decisionType: .leave, personFlags: []) == DecisionSignificance(significant: true, waivable: true, reason: "type_significant"))
        #expect(engine.significance(decisionType: .leave, personFlags: [.infoflyt]).waivable == false)
        #expect(engine.significance(decisionType: .visit, personFlags: [.infoflyt]).significant == false)
        #expect(engine.significance(decisionType: nil, personFlags: [.forvaring]).significant == false)
        #expect(engine2006_1.significance(decisionType: .leave, personFlags: [.forvaring]).significant == false)
    }
}
