import Foundation
import Rules
import VaktloggCore

/// What one planned entry goes through after it is reported: its lifecycle, its extras
/// (amendments, assessments, measures, decisions) and the escalations a worker would have appended.
extension SyntheticRun {
    /// The lifecycle of domain.md §5 per kind, sometimes late, sometimes left open.
    mutating func lifecycle(kind: String, tier: Int64, recorded: Int64, reported r: Int64, unit: SyntheticUnit,
                            police: Bool, p: Int64, c: Int64) -> [Step] {
        var out: [Step] = []
        var t = recorded
        func at(_ candidate: Int64) -> Int64 {
            t = max(t + 1, candidate)
            return t
        }
        let coordinator = rng.pick(unit.coordinators)
        let officer = rng.pick(unit.officers)
        let late = rng.chance(0.12)
        let stall = rng.chance(0.05)
        let p1 = tier == 1
        let h: Int64 = 3600, d: Int64 = 86_400
        let ackAt: Int64
        switch kind {
        case "deviation": ackAt = r + (late ? rng.int(25 * h...3 * d) : rng.int(600...20 * h))
        case "manipulation": ackAt = r + (late ? rng.int(3 * d + h...6 * d) : rng.int(h...60 * h))
        default: ackAt = r + (p1 ? (late ? rng.int(360...h) : rng.int(30...280)) : rng.int(120...4 * h))
        }
        let acker = kind == "manipulation" || p1 ? coordinator : officer
        out.append((at(ackAt), event("acknowledge", acker)))
        if rng.chance(0.3) { out.append((at(t + rng.int(600...4 * h)), event("comment", coordinator, text: rng.pick(DemoTexts.comments)))) }
        if stall { return out }
        switch kind {
        case "deviation":
            out.append((at(r + (late ? rng.int(15 * d...20 * d) : rng.int(2 * h...12 * d))),
                        event("treatment_started", officer, text: rng.pick(DemoTexts.causes))))
            let decided = at(t + rng.int(h...2 * d))
            let due = ChainTime.dateText(ChainTime.osloDays(decided) + 14)
            out.append((decided, event("measure_decided", coordinator, assignee: officer, text: rng.pick(DemoTexts.measures),
                                       data: JSONBText.render(.object(["due": .string(due)])))))
            if rng.chance(0.1) { return out }
            out.append((at(late ? r + rng.int(31 * d...45 * d) : min(r + 29 * d, t + rng.int(d...14 * d))),
                        event("close", coordinator, text: rng.pick(DemoTexts.verifications))))
        case "manipulation":
            out.append((at(t + rng.int(h...2 * d)), event("supervision_offered", coordinator)))
            out.append((at(late ? r + rng.int(8 * d...12 * d) : min(r + 7 * d - h, t + rng.int(h...4 * d))),
                        event("supervision_held", coordinator)))
            out.append((at(t + rng.int(h...3 * d)), event("close", coordinator)))
        case "threat":
            let limit: Int64 = (p1 ? 4 : 24) * h
            let ap = rng.int(1...5), ac = rng.int(1...5)
            let band = (try? engine.risk(probability: Int(ap), consequence: Int(ac)))?.band.rawValue ?? "critical"
            let src = rng.pick(["A", "B", "C", "D", "E", "F"])
            let cred = rng.int(1...6)
            let data = JSONBText.render(.object([
                "source_reliability": .string(src), "info_credibility": .int(Int(cred)), "probability": .int(Int(ap)),
                "consequence": .int(Int(ac)), "risk_score": .int(Int(ap * ac)), "band": .string(band)]))
            out.append((at(late ? r + limit + rng.int(h...10 * h) : r + rng.int(600...limit - 300)),
                        event("threat_assessed", coordinator, data: data, rulesVersion: engine.version, trace: riskTrace(ap, ac),
                                  numbers: ["probability": ap, "consequence": ac])))
            if police {
                let inform = rng.chance(0.8)
                out.append((at(late ? r + rng.int(25 * h...40 * h) : t + rng.int(600...6 * h)),
                            event("police_decision", coordinator, text: rng.pick(SyntheticTexts.policeJustifications),
                                  data: JSONBText.render(.object(["decision": .string(inform ? "inform" : "not_inform")])))))
            }
            out.append((at(t + rng.int(h...5 * d)), event("close", coordinator)))
        default:
            if rng.chance(0.25) { out.append((at(t + rng.int(300...h)), event("assign", coordinator, assignee: officer))) }
            out.append((at(t + rng.int(h...10 * d)), event("close", p1 ? coordinator : officer)))
            if rng.chance(0.015) {
                out.append((at(t + rng.int(d...5 * d)), event("reopen", coordinator, text: rng.pick(SyntheticTexts.reopenReasons))))
                out.append((at(t + rng.int(d...3 * d)), event("close", coordinator)))
            }
        }
        return out
    }

    /// Amendments, individual risk assessments with the measures and decisions resting on them,
    /// and other decisions.
    mutating func extras(kind: String, category: String, tier: Int64, recorded: Int64, handle: EntryHandle,
                         persons: [String], text: String, p: Int64, c: Int64, interests: [Interest],
                         occurred: Int64) -> [Step] {
        var out: [Step] = []
        let unit = handle.unit
        let h: Int64 = 3600
        if kind != "threat", rng.chance(0.03) {
            let at = recorded + rng.int(600...48 * h)
            var changes: [String: JSONValue] = [:]
            var newP = p
            var newText: String?
            if rng.chance(0.5) {
                newText = text + " " + rng.pick(SyntheticTexts.followUps)
                changes["text"] = .string(newText!)
            } else {
                newP = p == 5 ? 4 : p + 1
                changes["probability"] = .int(Int(newP))
            }
            let risk = (try? engine.risk(probability: Int(newP), consequence: Int(c)))?.trace ?? []
            let triage = (try? engine.triage([TriageEntry(id: "entry", interests: interests, probability: Int(newP), consequence: Int(c),
                                                         occurredAt: Date(timeIntervalSince1970: Double(occurred)))]))?.trace ?? []
            out.append((at, .amendment(.init(actor: handle.reporter, reason: rng.pick(SyntheticTexts.amendmentReasons),
                                             changes: JSONBText.render(.object(changes)), tier: tier, risk: newP * c,
                                             trace: JSONBText.render(.array((risk + triage).map(\.json))),
                                             newText: newText, newP: newText == nil ? newP : nil))))
        }
        if (kind == "incident" || kind == "threat"), let person = persons.first, !person.hasPrefix("T-"), rng.chance(0.08) {
            let coordinator = rng.pick(unit.coordinators)
            let at = recorded + rng.int(h...48 * h)
            let ap = rng.int(2...5), ac = rng.int(2...5)
            guard let risk = try? engine.risk(probability: Int(ap), consequence: Int(ac)) else { return out }
            let day = ChainTime.osloDays(at)
            let assessedOn = CalendarDate(ChainTime.dateText(day))!
            let valid = engine.assessmentRenewalDue(assessedAt: assessedOn)
            let validDays = ChainTime.days(year: Int64(valid.year), month: Int64(valid.month), day: Int64(valid.day))
            out.append((at, .assessment(.init(person: person, p: ap, c: ac, band: risk.band.rawValue,
                                              summary: rng.pick(SyntheticTexts.assessmentSummaries), assessor: coordinator,
                                              validUntil: validDays, trace: riskTrace(ap, ac)))))
            let permitted = engine.ruleSet.restrictivenessLimits[risk.band]
            let departs = rng.chance(0.2) && permitted < 4
            let level = departs ? permitted + 1 : max(1, permitted)
            let type: MeasureType = level == 4 ? .isolation : level == 3 ? .exclusion : level == 2 ? rng.pick([.search, .visitRestriction]) : .extraControl
            let justification = departs ? "Konkrete opplysninger om planlagt vold tilsier strengere tiltak enn vurderingen alene." : nil
            let note = "Mister deltakelse i skole og arbeid i perioden; vurderes ukentlig."
            let input = MeasureInput(type: type, purpose: .security, burdens: [.rehabilitation],
                                     restrictiveness: Restrictiveness(rawValue: Int(level))!, justification: justification,
                                     rehabilitationNote: note)
            let evaluation = engine.measure(input, assessment: AssessmentInput(band: risk.band, assessedAt: assessedOn), at: assessedOn)
            guard evaluation.outcome == .allowed else { return out }
            let outcome = evaluation.violations.contains { $0.justified } ? "justified" : "allowed"
            out.append((at + 1800, .measure(.init(
                person: person, type: type.rawValue, description: "Tiltak etter hendelse", purpose: "security",
                burdens: ["rehabilitation"], restrictiveness: Int64(level), justification: justification,
                rehabilitationNote: note, withAssessment: true, outcome: outcome,
                violations: JSONBText.render(.array(evaluation.violations.map(\.json))), decidedBy: coordinator,
                trace: JSONBText.render(.array(evaluation.trace.map(\.json)))))))
            if level >= 3 {
                let just = "Fare for liv og helse for medinnsatte."
                let d = engine.decision(DecisionInput(publicSafetySignificant: true, justification: just, assessmentRefs: ["assessment"]))
                out.append((at + 1900, .decision(.init(person: person, text: "Utelukkelse fra fellesskapet i inntil 14 dager.",
                                                       significant: true, justification: just, withAssessment: true,
                                                       decidedBy: coordinator, trace: JSONBText.render(.array(d.trace.map(\.json)))))))
            }
        } else if kind == "incident", ["violence_staff", "threat_staff", "threat_staff_family"].contains(category), rng.chance(0.2) {
            let coordinator = rng.pick(unit.coordinators)
            let input = MeasureInput(type: .staffProtection, purpose: .lifeHealth, burdens: [], restrictiveness: .none)
            let day = CalendarDate(ChainTime.dateText(ChainTime.osloDays(recorded)))!
            let evaluation = engine.measure(input, assessment: nil, at: day)
            if evaluation.outcome == .allowed {
                out.append((recorded + rng.int(h...24 * h), .measure(.init(
                    person: nil, type: "staff_protection", description: "Skjermet adresse og følge til og fra arbeid.",
                    purpose: "life_health", burdens: [], restrictiveness: 0, justification: nil, rehabilitationNote: nil,
                    withAssessment: false, outcome: "allowed", violations: JSONBText.render(.array(evaluation.violations.map(\.json))),
                    decidedBy: coordinator, trace: JSONBText.render(.array(evaluation.trace.map(\.json)))))))
            }
        }
        if rng.chance(0.01) {
            let manager = unit.manager
            let d = engine.decision(DecisionInput(publicSafetySignificant: false, justification: nil, assessmentRefs: []))
            out.append((recorded + rng.int(h...72 * h), .decision(.init(
                person: persons.first, text: rng.pick(SyntheticTexts.decisions), significant: false, justification: nil,
                withAssessment: false, decidedBy: manager, trace: JSONBText.render(.array(d.trace.map(\.json)))))))
        }
        return out
    }

    /// The escalations escalate_overdue() (sql/020) would have appended: one per deadline still
    /// pending a minute or a few after it passed, while the entry was open.
    mutating func escalations(steps: [Step], dues: [String: Int64]) -> [Step] {
        let clears: [String: Set<String>] = [
            "ack": ["acknowledge", "threat_assessed", "close"], "treatment": ["treatment_started", "close"],
            "close": ["close"], "review": ["acknowledge", "close"], "supervision": ["supervision_held"],
            "assessment": ["threat_assessed"], "police": ["police_decision"],
        ]
        var firstClose = Int64.max
        var fulfilled: [String: Int64] = [:]
        for (at, item) in steps.sorted(by: { $0.0 < $1.0 }) {
            guard case .event(let e) = item else { continue }
            if e.event == "close" { firstClose = min(firstClose, at) }
            for (key, events) in clears where events.contains(e.event) && fulfilled[key] == nil { fulfilled[key] = at }
        }
        var out: [Step] = []
        for key in ["ack", "treatment", "close", "review", "supervision", "assessment", "police"] {
            guard let due = dues[key] else { continue }
            let at = due + 60 + rng.int(0...240)
            guard at < (fulfilled[key] ?? Int64.max), at < firstClose, at <= until else { continue }
            out.append((at, event("escalated", integration, data: JSONBText.render(.object([
                "deadline": .string(key), "due": .string(ChainTime.escalationDueText(due))])))))
        }
        return out
    }
}
