import Foundation
import Testing
@testable import Rules
import VaktloggCore

@Suite struct DecisionTests {
    @Test(arguments: [
        (true, "Begrunnet i RV-7", ["RV-7"], Outcome.allowed, [String]()),
        (true, nil, ["RV-7"], .rejected, ["blank_justification"]),
        (true, "", ["RV-7"], .rejected, ["blank_justification"]),
        (true, "  \n ", ["RV-7"], .rejected, ["blank_justification"]),
        (true, "Begrunnet", [], .rejected, ["no_assessment_reference"]),
        (true, "Begrunnet", [" "], .rejected, ["no_assessment_reference"]),
        (true, nil, [], .rejected, ["blank_justification", "no_assessment_reference"]),
        (false, nil, [], .allowed, []),
    ] as [(Bool, String?, [String], Outcome, [String])])
    func justification(significant: Bool, justification: String?, refs: [String], outcome: Outcome, reasons: [String]) {
        let e = engine.decision(DecisionInput(publicSafetySignificant: significant, justification: justification, assessmentRefs: refs))
        #expect(e.outcome == outcome)
        #expect(e.violations.map(\.reason) == reasons)
        #expect(e.violations.allSatisfy { $0.kind == .strict && $0.rule == .justification })
    }

    @Test func contract() {
        let ok = answer(#"{"check":"decision","decision":{"public_safety_significant":true,"justification":"RV-1 viser høy risiko","assessment_refs":["RV-1"]}}"#)
        #expect(ok.json["outcome"].string == "allowed")
        let bad = answer(#"{"check":"decision","decision":{"public_safety_significant":"yes","justification":null,"assessment_refs":[]}}"#)
        #expect(bad.json["error"]["field"].string == "decision.public_safety_significant")
        let ref = answer(#"{"check":"decision","decision":{"public_safety_significant":true,"justification":"x","assessment_refs":["a",2]}}"#)
        #expect(ref.json["error"]["field"].string == "decision.assessment_refs[1]")
    }
}

@Suite struct PoliceTests {
    @Test(arguments: [
        ([1, 3, 5, 11, 2, 4], false, true), ([1, 3, 5, 11, 2], false, false), ([1, 3, 5, 11, 2], true, true),
        ([], true, true), ([], false, false), ([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], false, false),
    ])
    func decisionRequired(criteria: [Int], infoflyt: Bool, required: Bool) throws {
        let e = try engine.policeDecision(organisedCrimeCriteria: criteria, infoflytSubject: infoflyt)
        #expect(e.decisionRequired == required)
        #expect(e.deadlineHours == (required ? 24 : nil))
        #expect(e.trace.last?.rule == .police)
    }

    @Test func contract() {
        let (ok, j) = answer(#"{"check":"police","threat":{"organised_crime_criteria":[],"infoflyt_subject":true}}"#)
        #expect(ok)
        #expect(j["decision_required"].bool == true)
        #expect(j["deadline_hours"].int == 24)
        let no = answer(#"{"check":"police","threat":{"organised_crime_criteria":[1],"infoflyt_subject":false}}"#)
        // Accepted (not an error line, which also lacks deadline_hours), and no decision is due.
        #expect(no.ok)
        #expect(no.json["error"] == .null)
        #expect(no.json["decision_required"].bool == false)
        #expect(no.json["deadline_hours"] == .null)
        let missing = answer(#"{"check":"police","threat":{"organised_crime_criteria":[1]}}"#)
        #expect(missing.json["error"]["field"].string == "threat.infoflyt_subject")
        let dup = answer(#"{"check":"police","threat":{"organised_crime_criteria":[1,1],"infoflyt_subject":false}}"#)
        #expect(dup.json["error"]["field"].string == "threat.organised_crime_criteria[1]")
    }
}

@Suite struct DeadlineTests {
    static let occurred = instant("2024-05-01T08:00:00Z")
    static let reported = instant("2024-05-01T09:00:00Z")

    static func due(_ kind: EntryKind, _ interests: [Interest], police: Bool = false, engine: RulesEngine = engine) -> [DeadlineKind: Date] {
        let e = engine.deadlines(for: DeadlineInput(kind: kind, interests: interests, occurredAt: occurred, reportedAt: reported,
                                                    policeDecisionRequired: police))
        return Dictionary(uniqueKeysWithValues: e.deadlines.map { ($0.what, $0.due) })
    }

    static func after(_ seconds: Int) -> Date { reported.addingTimeInterval(TimeInterval(seconds)) }

    @Test func p1IncidentAcknowledgedInFiveMinutes() {
        #expect(Self.due(.incident, [.lifeHealth]) == [.p1Acknowledge: Self.after(300)])
        #expect(Self.due(.incident, [.security]) == [:])
    }

    @Test func deviation() {
        #expect(Self.due(.deviation, [.security]) == [
            .deviationAcknowledge: Self.after(24 * 3600), .deviationTreatment: Self.after(14 * 86_400),
            .deviationClose: Self.after(30 * 86_400),
        ])
        // ksf-2006.2: a P1 deviation follows its own deadlines, not the 5 minutes for acute events.
        #expect(Self.due(.deviation, [.lifeHealth])[.p1Acknowledge] == nil)
        #expect(Self.due(.deviation, [.lifeHealth])[.deviationAcknowledge] == Self.after(24 * 3600))
    }

    /// The 5-minute acknowledgement by kind, under each shipped set: incidents and threat events
    /// always; deviations and manipulation reports only under ksf-2006.1 (old entries keep it).
    @Test(arguments: [(EntryKind.incident, true, true), (.threat, true, true), (.deviation, false, true), (.manipulation, false, true)])
    func p1AcknowledgementByKind(kind: EntryKind, in2006_2: Bool, in2006_1: Bool) {
        #expect((Self.due(kind, [.lifeHealth])[.p1Acknowledge] != nil) == in2006_2)
        #expect((Self.due(kind, [.lifeHealth], engine: engine2006_1)[.p1Acknowledge] != nil) == in2006_1)
        #expect(Self.due(kind, [.security])[.p1Acknowledge] == nil, "only P1")
    }

    @Test func manipulation() {
        #expect(Self.due(.manipulation, [.security]) == [
            .manipulationReview: Self.after(3 * 86_400), .manipulationSupervision: Self.after(7 * 86_400),
        ])
    }

    @Test func threatTier1FourHoursElseTwentyFour() {
        #expect(Self.due(.threat, [.publicSafety])[.threatAssessment] == Self.after(4 * 3600))
        #expect(Self.due(.threat, [.security])[.threatAssessment] == Self.after(24 * 3600))
        #expect(Self.due(.threat, [.security])[.policeDecision] == nil)
        #expect(Self.due(.threat, [.security], police: true)[.policeDecision] == Self.after(24 * 3600))
    }

    @Test func assessmentRenewalAfterP1() {
        let made = date("2024-01-10")
        #expect(!engine.assessmentRenewalRequired(assessedAt: made, on: date("2024-02-01"), lastP1Incident: nil))
        #expect(engine.assessmentRenewalRequired(assessedAt: made, on: date("2024-02-01"), lastP1Incident: date("2024-01-20")))
        #expect(!engine.assessmentRenewalRequired(assessedAt: made, on: date("2024-02-01"), lastP1Incident: made), "same day")
        #expect(engine.assessmentRenewalRequired(assessedAt: made, on: date("2024-02-01"), lastP1Incident: date("2024-01-11")), "next day")
        #expect(!engine.assessmentRenewalRequired(assessedAt: made, on: date("2024-02-01"), lastP1Incident: date("2024-01-05")))
        #expect(engine.assessmentRenewalRequired(assessedAt: made, on: date("2024-07-09"), lastP1Incident: nil))
        #expect(!engine.assessmentRenewalRequired(assessedAt: made, on: date("2024-07-08"), lastP1Incident: nil))
    }

    @Test func contract() {
        let (ok, j) = answer(#"{"check":"deadlines","kind":"deviation","category":"door_lock","occurred_at":"2024-05-01T08:00:00Z","reported_at":"2024-05-01T09:00:00+02:00"}"#)
        #expect(ok)
        #expect(j["priority"].string == "P2")
        #expect(j["deadlines"][0]["what"].string == "deviation_acknowledge")
        #expect(j["deadlines"][0]["due"].string == "2024-05-02T07:00:00Z")
        let police = answer(#"{"check":"deadlines","kind":"incident","interests":["order"],"occurred_at":"2024-05-01T08:00:00Z","reported_at":"2024-05-01T09:00:00Z","police_decision_required":true}"#)
        #expect(police.json["error"]["field"].string == "police_decision_required")
    }
}
