import Testing
@testable import Rules
import VaktloggCore

/// The interest weighting of domain.md §3, pair by pair: strict, main rule and consideration.
@Suite struct MeasureWeightingTests {
    static let at = date("2024-06-28")

    static func judge(_ purpose: Interest, _ burdens: [Interest], justification: String? = nil, note: String? = nil,
                      restrictiveness: Restrictiveness = .none, engine: RulesEngine = engine) -> Evaluation {
        engine.measure(MeasureInput(type: .extraControl, purpose: purpose, burdens: burdens, restrictiveness: restrictiveness,
                                    justification: justification, rehabilitationNote: note),
                       assessment: nil, at: at)
    }

    /// Under ksf-2006.2 (contract revision 2): only order burdening tier 1 is strict; security or
    /// rehabilitation burdening tier 1 is a main-rule departure a justification carries.
    static let matrix: [(Interest, Interest, Outcome, RuleID?)] = matrix2006_1.map { purpose, burden, outcome, rule in
        rule == .tier1OverLower ? (purpose, burden, .needsJustification, .tier1OverLowerMainRule) : (purpose, burden, outcome, rule)
    }

    /// Under ksf-2006.1 — kept so that entries judged by it are explained as they were judged:
    /// purpose, burden, outcome without justification, rule broken (nil when none).
    static let matrix2006_1: [(Interest, Interest, Outcome, RuleID?)] = [
        (.lifeHealth, .lifeHealth, .allowed, nil), (.lifeHealth, .publicSafety, .allowed, nil),
        (.lifeHealth, .security, .allowed, nil), (.lifeHealth, .rehabilitation, .allowed, nil), (.lifeHealth, .order, .allowed, nil),
        (.publicSafety, .lifeHealth, .allowed, nil), (.publicSafety, .publicSafety, .allowed, nil),
        (.publicSafety, .security, .allowed, nil), (.publicSafety, .rehabilitation, .allowed, nil), (.publicSafety, .order, .allowed, nil),
        (.security, .lifeHealth, .rejected, .tier1OverLower), (.security, .publicSafety, .rejected, .tier1OverLower),
        (.security, .security, .allowed, nil), (.security, .rehabilitation, .incomplete, .rehabilitationEffect),
        (.security, .order, .allowed, nil),
        (.rehabilitation, .lifeHealth, .rejected, .tier1OverLower), (.rehabilitation, .publicSafety, .rejected, .tier1OverLower),
        (.rehabilitation, .security, .needsJustification, .securityOverRehabilitation),
        (.rehabilitation, .rehabilitation, .allowed, nil), (.rehabilitation, .order, .allowed, nil),
        (.order, .lifeHealth, .rejected, .tier1OverOrder), (.order, .publicSafety, .rejected, .tier1OverOrder),
        (.order, .security, .needsJustification, .securityOverOrder),
        (.order, .rehabilitation, .needsJustification, .rehabilitationOverOrder), (.order, .order, .allowed, nil),
    ]

    @Test func matrixCoversEveryPair() {
        #expect(Self.matrix.count == Interest.allCases.count * Interest.allCases.count)
        #expect(Self.matrix.filter { $0.2 == .rejected }.map(\.3) == [.tier1OverOrder, .tier1OverOrder],
                "only order burdening tier 1 is strict")
        #expect(Self.matrix.filter { $0.3 == .tier1OverLowerMainRule }.count == 4)
    }

    @Test(arguments: matrix2006_1)
    func firstSetWithoutJustification(purpose: Interest, burden: Interest, outcome: Outcome, rule: RuleID?) {
        let e = Self.judge(purpose, [burden], engine: engine2006_1)
        #expect(e.outcome == outcome)
        #expect(e.violations.map(\.rule) == (rule.map { [$0] } ?? []))
    }

    @Test(arguments: matrix2006_1)
    func firstSetWithJustification(purpose: Interest, burden: Interest, outcome: Outcome, rule: RuleID?) {
        let e = Self.judge(purpose, [burden], justification: "Begrunnet i konkret risikovurdering RV-12", engine: engine2006_1)
        #expect(e.outcome == (outcome == .needsJustification ? .allowed : outcome))
    }

    @Test(arguments: matrix)
    func withoutJustification(purpose: Interest, burden: Interest, outcome: Outcome, rule: RuleID?) {
        let e = Self.judge(purpose, [burden])
        #expect(e.outcome == outcome)
        #expect(e.violations.map(\.rule) == (rule.map { [$0] } ?? []))
        if let rule { #expect(e.violations.first?.kind == rule.kind) }
    }

    @Test(arguments: matrix)
    func withJustification(purpose: Interest, burden: Interest, outcome: Outcome, rule: RuleID?) {
        let e = Self.judge(purpose, [burden], justification: "Begrunnet i konkret risikovurdering RV-12")
        let expected: Outcome = outcome == .needsJustification ? .allowed : outcome
        #expect(e.outcome == expected)
        if outcome == .needsJustification {
            #expect(e.violations.count == 1)
            #expect(e.violations.first?.justified == true, "a cured main-rule departure stays listed as justified")
        }
        if outcome == .rejected { #expect(e.violations.first?.justified == false) }
    }

    @Test func ruleKindsAreKeptApart() {
        #expect(RuleID.tier1OverOrder.kind == .strict)
        #expect(RuleID.tier1OverLower.kind == .strict)
        #expect(RuleID.tier1OverLowerMainRule.kind == .mainRule)
        #expect(RuleID.significantDecision.kind == .mainRule)
        #expect(RuleID.securityOverRehabilitation.kind == .mainRule)
        #expect(RuleID.rehabilitationOverOrder.kind == .mainRule)
        #expect(RuleID.securityOverOrder.kind == .mainRule)
        #expect(RuleID.rehabilitationEffect.kind == .consideration)
        #expect(RuleID.proportionality.kind == .mainRule)
        #expect(RuleID.communication.kind == .strict)
        #expect(RuleID.risk.kind == .threshold)
    }

    @Test(arguments: [nil, "", " ", "   \n\t"] as [String?])
    func blankJustificationCuresNothing(justification: String?) {
        let e = Self.judge(.order, [.rehabilitation], justification: justification)
        #expect(e.outcome == .needsJustification)
        #expect(e.violations.first?.justified == false)
    }

    @Test(arguments: [(nil, Outcome.incomplete), ("", .incomplete), ("  \t ", .incomplete),
                      ("Skolegang avbrytes i to uker; kontaktbetjent følger opp.", .allowed)] as [(String?, Outcome)])
    func rehabilitationNote(note: String?, outcome: Outcome) {
        let e = Self.judge(.security, [.rehabilitation], note: note)
        #expect(e.outcome == outcome)
        #expect(e.violations.contains { $0.rule == .rehabilitationEffect } == (outcome == .incomplete))
        #expect(e.trace.contains { $0.rule == .rehabilitationEffect && $0.kind == .consideration })
    }

    @Test func noteRequiredOnlyForSecurityPurpose() {
        #expect(Self.judge(.lifeHealth, [.rehabilitation]).outcome == .allowed)
        #expect(Self.judge(.security, [.order]).outcome == .allowed)
    }

    @Test func precedenceRejectedOverMainRuleOverConsideration() {
        let all = Self.judge(.order, [.lifeHealth, .rehabilitation], restrictiveness: .mostSevere)
        #expect(all.outcome == .rejected)
        #expect(Set(all.violations.map(\.kind)) == [.strict, .mainRule])
        let mainAndConsideration = Self.judge(.security, [.rehabilitation], restrictiveness: .severe)
        #expect(mainAndConsideration.outcome == .needsJustification)
        #expect(mainAndConsideration.violations.map(\.rule) == [.rehabilitationEffect, .proportionality])
        let justified = Self.judge(.security, [.rehabilitation], justification: "RV-3", restrictiveness: .severe)
        #expect(justified.outcome == .incomplete, "a justification does not replace the rehabilitation note")
    }

    @Test func traceRecordsVersionAndSource() {
        let e = Self.judge(.order, [.lifeHealth])
        let step = e.trace.first { $0.rule == .tier1OverOrder }
        #expect(step?.version == RuleSet.default.version)
        #expect(step?.source == "Forord")
        #expect(step?.inputs["purpose"] == .string("order"))
        #expect(step?.result == .string("violated"))
    }
}
