public import VaktloggCore

extension RuleSet {
    /// Category codes added to domain.md §5 after `ksf-2006.1` was written (issue 14). A rule set
    /// may leave them out — the old set is loadable with its content and hash unchanged — but every
    /// other category must be named.
    public static let categoriesAddedAfterFirstSet: [EntryKind: Set<String>] = [
        .incident: ["threat_staff_family", "ban_breach", "community_sentence_breach", "electronic_monitoring_breach",
                    "threat_at_office", "home_visit_incident"],
        .deviation: ["entry_control", "double_occupancy"],
    ]
}

extension RuleSetReader {
    func readDeadlines(_ node: JSONNode, _ path: String) -> DeadlineRules? {
        let required = DeadlineRules.requiredKeys
        let optional = DeadlineRules.added.map(\.key)
        guard let m = r.object(node, path, allowed: Set(required + optional)) else { return nil }
        var v: [String: Int] = [:]
        var failed = false
        func read(_ key: String, _ n: JSONNode) {
            let p = FieldReader.join(path, key)
            guard let value = r.int(n, p) else { failed = true; return }
            guard value >= 0 else {
                failed = true
                r.fail(.outOfRange, p, LocalizedText(nb: "en frist kan ikke være negativ", en: "a deadline cannot be negative"), line: n.line)
                return
            }
            v[key] = value
        }
        for key in required {
            guard let n = r.required(m, key, path, line: node.line) else { failed = true; continue }
            read(key, n)
        }
        // The numbers added with ksf-2006.2 may be absent (a set of revision 1 does not know them).
        for key in optional { if let n = m[key] { read(key, n) } }
        guard !failed else { return nil }
        func g(_ key: String) -> Int { v[key] ?? 0 }
        var d = DeadlineRules(
            p1AcknowledgeMinutes: g("p1_acknowledge_minutes"), deviationAcknowledgeHours: g("deviation_acknowledge_hours"),
            deviationTreatmentDays: g("deviation_treatment_days"), deviationCloseDays: g("deviation_close_days"),
            manipulationReviewDays: g("manipulation_review_days"), manipulationSupervisionDays: g("manipulation_supervision_days"),
            threatAssessTier1Hours: g("threat_assess_tier1_hours"), threatAssessHours: g("threat_assess_hours"),
            policeDecisionHours: g("police_decision_hours"), riskAssessmentRenewalDays: g("risk_assessment_renewal_days"))
        for key in optional { if let value = v[key] { d = d.with(key, value) } }
        var ok = true
        if d.threatAssessTier1Hours > d.threatAssessHours {
            ok = false
            r.fail(.fixedByStrategy, FieldReader.join(path, "threat_assess_tier1_hours"), LocalizedText(
                nb: "en trussel mot liv, helse eller samfunnets trygghet kan ikke få lengre frist enn andre trusler",
                en: "a threat to life, health or public safety cannot get a longer deadline than other threats"),
                line: m["threat_assess_tier1_hours"]?.line)
        }
        if d.deviationAcknowledgeHours * 3600 > d.deviationTreatmentDays * 86_400
            || d.deviationTreatmentDays > d.deviationCloseDays
        {
            ok = false
            r.fail(.inconsistent, FieldReader.join(path, "deviation_treatment_days"), LocalizedText(
                nb: "avviksfristene må komme i rekkefølge: kvittering ≤ behandling ≤ lukking",
                en: "deviation deadlines must be in order: acknowledge ≤ treatment ≤ close"),
                line: m["deviation_treatment_days"]?.line)
        }
        return ok ? d : nil
    }

    func readDefaults(_ node: JSONNode, _ path: String) -> CategoryDefaults? {
        guard let m = r.object(node, path, allowed: Set(EntryKind.allCases.map(\.rawValue))) else { return nil }
        var result = CategoryDefaults(incident: [:], deviation: [:], manipulation: [:], threat: [:])
        var ok = true
        for kind in EntryKind.allCases {
            let kp = FieldReader.join(path, kind.rawValue)
            guard let kn = r.required(m, kind.rawValue, path, line: node.line),
                let cm = r.object(kn, kp, allowed: Set(kind.categoryCodes))
            else { ok = false; continue }
            for code in kind.categoryCodes {
                let cp = FieldReader.join(kp, code)
                guard let cn = cm[code] else {
                    // A set written before a category existed does not know it; entries of that
                    // category are judged by a set that does.
                    if RuleSet.categoriesAddedAfterFirstSet[kind, default: []].contains(code) { continue }
                    ok = false
                    r.fail(.missing, cp, LocalizedText(nb: "kategorien mangler", en: "category missing"), line: kn.line)
                    continue
                }
                guard let interests = r.list(cn, cp, { item, p in r.code(item, p, as: Interest.self) }) else { ok = false; continue }
                if Set(interests).count != interests.count {
                    ok = false
                    r.fail(.duplicate, cp, Msg.duplicateValue, line: cn.line)
                    continue
                }
                let shipped = RuleSet.default.categoryDefaults[kind][code] ?? []
                for dropped in shipped where dropped.tier == 1 && !interests.contains(dropped) {
                    ok = false
                    r.fail(.fixedByStrategy, cp, LocalizedText(
                        nb: "kan ikke fjerne \(dropped.rawValue) (nivå 1) som standardregelsettet har for denne kategorien",
                        en: "cannot drop \(dropped.rawValue) (tier 1), which the default rule set has for this category"),
                        line: cn.line)
                }
                result[kind][code] = Interest.allCases.filter(interests.contains)
            }
        }
        return ok ? result : nil
    }
}
