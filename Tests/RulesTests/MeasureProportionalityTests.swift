import Testing
@testable import Rules
import VaktloggCore

/// Proportionality and the communication-ground rule.
@Suite struct MeasureProportionalityTests {
    static let at = date("2024-06-28")

    static func judge(_ level: Restrictiveness, _ assessment: AssessmentInput?, type: MeasureType = .exclusion,
                      ground: CommunicationGround? = nil, justification: String? = nil, engine: RulesEngine = engine) -> Evaluation {
        engine.measure(MeasureInput(type: type, purpose: .lifeHealth, burdens: [], restrictiveness: level, ground: ground,
                                    justification: justification),
                       assessment: assessment, at: at)
    }

    static func current(_ band: RiskBand) -> AssessmentInput { AssessmentInput(band: band, assessedAt: at) }

    static let limits: [RiskBand: Int] = [.low: 1, .moderate: 2, .high: 3, .critical: 4]

    @Test(arguments: Restrictiveness.allCases, RiskBand.allCases)
    func restrictivenessAgainstBand(level: Restrictiveness, band: RiskBand) {
        let e = Self.judge(level, Self.current(band))
        let exceeds = level.rawValue > Self.limits[band, default: -1]
        #expect(e.outcome == (exceeds ? .needsJustification : .allowed), "level \(level.rawValue) band \(band)")
        #expect(e.violations.map(\.reason) == (exceeds ? ["exceeds_band"] : []))
        let justified = Self.judge(level, Self.current(band), justification: "Konkret begrunnelse")
        #expect(justified.outcome == .allowed)
        #expect(justified.violations.allSatisfy { $0.justified })
    }

    @Test(arguments: [(Restrictiveness.none, Outcome.allowed), (.mild, .allowed), (.moderate, .needsJustification),
                      (.severe, .needsJustification), (.mostSevere, .needsJustification)])
    func noAssessment(level: Restrictiveness, outcome: Outcome) {
        let e = Self.judge(level, nil)
        #expect(e.outcome == outcome)
        #expect(e.violations.map(\.reason) == (outcome == .allowed ? [] : ["no_assessment"]))
    }

    @Test(arguments: [(180, Outcome.allowed), (181, .needsJustification), (0, .allowed), (179, .allowed), (365, .needsJustification)])
    func assessmentAge(days: Int, outcome: Outcome) {
        let made = CalendarDate(dayNumber: Self.at.dayNumber - days)
        let e = Self.judge(.moderate, AssessmentInput(band: .high, assessedAt: made))
        #expect(e.outcome == outcome, "\(days) days old")
        #expect(e.violations.map(\.reason) == (outcome == .allowed ? [] : ["assessment_outdated"]))
    }

    @Test func ageBoundaryAcrossLeapDay() {
        // 2024-01-01 + 180 days = 2024-06-29 (2024 is a leap year).
        let made = date("2024-01-01")
        #expect(engine.isAssessmentCurrent(assessedAt: made, on: date("2024-06-29")))
        #expect(!engine.isAssessmentCurrent(assessedAt: made, on: date("2024-06-30")))
        #expect(engine.assessmentRenewalDue(assessedAt: made) == date("2024-06-29"))
    }

    @Test func futureAssessmentIsNotCurrent() {
        let e = Self.judge(.moderate, AssessmentInput(band: .high, assessedAt: date("2024-07-01")))
        #expect(e.violations.map(\.reason) == ["assessment_after_measure"])
    }

    @Test func outdatedAndExceedingBothListed() {
        let e = Self.judge(.mostSevere, AssessmentInput(band: .low, assessedAt: date("2023-01-01")))
        #expect(e.violations.map(\.reason) == ["assessment_outdated", "exceeds_band"])
        #expect(e.outcome == .needsJustification)
    }

    /// Each ground under each shipped set: ksf-2006.2 accepts only security; ksf-2006.1 (old
    /// entries) rejected only practical and technical.
    @Test(arguments: [(CommunicationGround.security, Outcome.allowed, Outcome.allowed), (.other, .rejected, .allowed),
                      (.practical, .rejected, .rejected), (.technical, .rejected, .rejected)])
    func communicationGround(ground: CommunicationGround, outcome: Outcome, outcome2006_1: Outcome) {
        for (e, expected) in [(engine, outcome), (engine2006_1, outcome2006_1)] {
            let plain = Self.judge(.mild, nil, type: .communicationRestriction, ground: ground, engine: e)
            #expect(plain.outcome == expected, "\(e.version)")
            let justified = Self.judge(.mild, nil, type: .communicationRestriction, ground: ground, justification: "Tolk mangler", engine: e)
            #expect(justified.outcome == expected, "a justification never cures a strict rule (\(e.version))")
            if expected == .rejected {
                #expect(plain.violations.map(\.rule) == [.communication])
                #expect(plain.violations.first?.reason == "ground_\(ground.rawValue)")
                #expect(plain.violations.first?.kind == .strict)
            }
        }
    }

    /// A P1 incident involving the person against the assessment (contract field last_p1_at),
    /// at its boundaries: before, the same Oslo day, the next day; and ksf-2006.1 ignores it.
    @Test(arguments: [("2024-06-01", nil as String?, Outcome.allowed), ("2024-06-01", "2024-05-31", .allowed),
                      ("2024-06-01", "2024-06-01", .allowed), ("2024-06-01", "2024-06-02", .needsJustification),
                      ("2024-06-01", "2024-06-28", .needsJustification)])
    func p1IncidentOvertakesAssessment(assessed: String, lastP1: String?, outcome: Outcome) {
        let a = AssessmentInput(band: .high, assessedAt: date(assessed), lastP1: lastP1.map(date))
        let e = Self.judge(.severe, a)
        #expect(e.outcome == outcome)
        if outcome == .needsJustification {
            #expect(e.violations.map(\.reason) == ["assessment_overtaken_by_p1"])
            #expect(Self.judge(.severe, a, justification: "Ny vurdering bestilt; tiltaket haster").outcome == .allowed)
        }
        #expect(Self.judge(.severe, a, engine: engine2006_1).outcome == .allowed, "ksf-2006.1 does not read last_p1_at")
        // Below the restrictiveness that needs an assessment, a P1 changes nothing.
        #expect(Self.judge(.mild, a).outcome == .allowed)
    }
}
