import VaktloggCore

extension RulesContract {
    static func risk(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) throws(ValidationError) -> [String: JSONValue]? {
        guard let m = r.object(root, "", allowed: ["check", "probability", "consequence"]) else { return nil }
        let p = r.required(m, "probability", "", line: root.line).flatMap { r.int($0, "probability", in: RulesEngine.scale) }
        let c = r.required(m, "consequence", "", line: root.line).flatMap { r.int($0, "consequence", in: RulesEngine.scale) }
        guard let p, let c, r.errors.isEmpty else { return nil }
        let e = try engine.risk(probability: p, consequence: c)
        return ["score": .int(e.score), "band": .string(e.band.rawValue), "trace": trace(e.trace)]
    }

    /// Criteria 1–11, refusing duplicates at the second occurrence's index.
    static func criteria(_ node: JSONNode, _ path: String, _ r: FieldReader) -> [Int]? {
        guard let items = r.list(node, path, { n, p in r.int(n, p, in: RulesEngine.organisedCrimeCriteria) }) else { return nil }
        var seen = Set<Int>()
        for (i, c) in items.enumerated() where !seen.insert(c).inserted {
            r.fail(.duplicate, FieldReader.index(path, i), Msg.duplicateValue, line: node.line)
            return nil
        }
        return items
    }

    static func organised(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) throws(ValidationError) -> [String: JSONValue]? {
        guard let m = r.object(root, "", allowed: ["check", "criteria"]),
            let list = r.required(m, "criteria", "", line: root.line).flatMap({ criteria($0, "criteria", r) })
        else { return nil }
        let e = try engine.organisedCrime(criteria: list)
        return ["organised": .bool(e.organised), "count": .int(e.count), "missing_required": .ints(e.missingRequired),
                "trace": trace(e.trace)]
    }

    static func serious(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) throws(ValidationError) -> [String: JSONValue]? {
        guard let m = r.object(root, "", allowed: ["check", "offence", "max_penalty_years"]) else { return nil }
        let o = r.required(m, "offence", "", line: root.line).flatMap { r.code($0, "offence", as: OffenceKind.self) }
        let y = r.required(m, "max_penalty_years", "", line: root.line).flatMap { r.number($0, "max_penalty_years", minimum: 0) }
        guard let o, let y, r.errors.isEmpty else { return nil }
        let e = try engine.seriousCrime(offence: o, maxPenaltyYears: y)
        return ["result": .string(e.result.rawValue), "trace": trace(e.trace)]
    }

    static func police(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) throws(ValidationError) -> [String: JSONValue]? {
        guard let m = r.object(root, "", allowed: ["check", "threat"]),
            let t = r.required(m, "threat", "", line: root.line),
            let tm = r.object(t, "threat", allowed: ["organised_crime_criteria", "infoflyt_subject"])
        else { return nil }
        let c = r.required(tm, "organised_crime_criteria", "threat", line: t.line)
            .flatMap { criteria($0, "threat.organised_crime_criteria", r) }
        let s = r.required(tm, "infoflyt_subject", "threat", line: t.line).flatMap { r.bool($0, "threat.infoflyt_subject") }
        guard let c, let s, r.errors.isEmpty else { return nil }
        let e = try engine.policeDecision(organisedCrimeCriteria: c, infoflytSubject: s)
        return ["decision_required": .bool(e.decisionRequired), "deadline_hours": e.deadlineHours.map { .int($0) } ?? .null,
                "trace": trace(e.trace)]
    }

    static func decision(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) -> [String: JSONValue]? {
        guard let m = r.object(root, "", allowed: ["check", "decision"]),
            let d = r.required(m, "decision", "", line: root.line),
            let dm = r.object(d, "decision", allowed: [
                "public_safety_significant", "justification", "assessment_refs", "decision_type", "person_flags",
                "not_significant_reason",
            ])
        else { return nil }
        let type = r.optional(dm, "decision_type").flatMap { r.code($0, "decision.decision_type", as: DecisionType.self) }
        var flags: [PersonFlag] = []
        if let n = r.optional(dm, "person_flags") {
            flags = r.list(n, "decision.person_flags") { item, p in r.code(item, p, as: PersonFlag.self) } ?? []
        }
        let waiver = r.optionalString(dm, "not_significant_reason", "decision")
        let significant = r.required(dm, "public_safety_significant", "decision", line: d.line)
            .flatMap { r.bool($0, "decision.public_safety_significant") }
        let justification = r.optionalString(dm, "justification", "decision")
        var refs: [String] = []
        if let n = r.optional(dm, "assessment_refs") {
            refs = r.list(n, "decision.assessment_refs") { item, p in r.string(item, p) } ?? []
        }
        guard let significant, r.errors.isEmpty else { return nil }
        let e = engine.decision(DecisionInput(publicSafetySignificant: significant, justification: justification, assessmentRefs: refs,
                                              decisionType: type, personFlags: Set(flags), notSignificantReason: waiver))
        var body = evaluation(e)
        let s = engine.significance(decisionType: type, personFlags: Set(flags))
        body["significant_by_default"] = .bool(s.significant)
        return body
    }

    static func measure(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) -> [String: JSONValue]? {
        guard let m = r.object(root, "", allowed: ["check", "at", "measure", "assessment"]) else { return nil }
        let at = r.required(m, "at", "", line: root.line).flatMap { r.timestamp($0, "at") }
        guard let mn = r.required(m, "measure", "", line: root.line),
            let mm = r.object(mn, "measure", allowed: [
                "type", "purpose", "burdens", "restrictiveness", "ground", "justification", "rehabilitation_note",
            ])
        else { return nil }
        let type = r.required(mm, "type", "measure", line: mn.line).flatMap { r.code($0, "measure.type", as: MeasureType.self) }
        let purpose = r.required(mm, "purpose", "measure", line: mn.line).flatMap { r.code($0, "measure.purpose", as: Interest.self) }
        let burdens = r.required(mm, "burdens", "measure", line: mn.line).flatMap { n in
            r.list(n, "measure.burdens") { item, p in r.code(item, p, as: Interest.self) }
        }
        let level = r.required(mm, "restrictiveness", "measure", line: mn.line)
            .flatMap { r.int($0, "measure.restrictiveness", in: 0...4) }.flatMap(Restrictiveness.init(rawValue:))
        var ground: CommunicationGround?
        if let g = r.optional(mm, "ground") {
            ground = r.code(g, "measure.ground", as: CommunicationGround.self)
            if let type, type != .communicationRestriction {
                r.fail(.notAllowed, "measure.ground", LocalizedText(
                    nb: "grunnlag gjelder bare kommunikasjonsbegrensninger", en: "ground applies only to communication_restriction"),
                    line: g.line)
            }
        } else if type == .communicationRestriction {
            r.fail(.required, "measure.ground", LocalizedText(
                nb: "en kommunikasjonsbegrensning må oppgi grunnlag", en: "a communication restriction must state its ground"),
                line: mn.line)
        }
        let justification = r.optionalString(mm, "justification", "measure")
        let note = r.optionalString(mm, "rehabilitation_note", "measure")
        var assessment: AssessmentInput?
        if let an = r.optional(m, "assessment"), let am = r.object(an, "assessment", allowed: ["band", "assessed_at", "last_p1_at"]) {
            let band = r.required(am, "band", "assessment", line: an.line).flatMap { r.code($0, "assessment.band", as: RiskBand.self) }
            let date = r.required(am, "assessed_at", "assessment", line: an.line).flatMap { r.date($0, "assessment.assessed_at") }
            // The latest P1 incident involving the person: a timestamp, compared by its Oslo date.
            let lastP1 = r.optional(am, "last_p1_at").flatMap { r.timestamp($0, "assessment.last_p1_at") }
            if let band, let date {
                assessment = AssessmentInput(band: band, assessedAt: date, lastP1: lastP1.map { OsloTime.calendarDate($0.date) })
            }
        }
        guard let at, let type, let purpose, let burdens, let level, r.errors.isEmpty else { return nil }
        let input = MeasureInput(type: type, purpose: purpose, burdens: burdens, restrictiveness: level, ground: ground,
                                 justification: justification, rehabilitationNote: note)
        return evaluation(engine.measure(input, assessment: assessment, at: at.localDate))
    }
}
