import VaktloggCore

extension RulesContract {
    /// An entry's kind, category and interests (defaults merged), for triage and deadlines.
    static func entryInterests(
        _ m: [String: JSONNode], _ path: String, line: Int, _ r: FieldReader, _ engine: RulesEngine
    ) -> (kind: EntryKind?, interests: [Interest], steps: [TraceStep])? {
        let kind = r.optional(m, "kind").flatMap { r.code($0, FieldReader.join(path, "kind"), as: EntryKind.self) }
        var category: EntryCategory?
        if let cn = r.optional(m, "category"), let code = r.string(cn, FieldReader.join(path, "category")) {
            if let kind {
                category = EntryCategory(kind: kind, code: code)
                if category == nil {
                    r.fail(.unknownCode, FieldReader.join(path, "category"), Msg.unknownCode(code, kind.categoryCodes), line: cn.line)
                }
            } else if r.optional(m, "kind") == nil {
                r.fail(.required, FieldReader.join(path, "kind"), LocalizedText(
                    nb: "kategori krever type (kind)", en: "a category requires kind"), line: cn.line)
            }
        }
        var given: [Interest] = []
        if let n = r.optional(m, "interests") {
            given = r.list(n, FieldReader.join(path, "interests")) { item, p in r.code(item, p, as: Interest.self) } ?? []
        }
        guard r.errors.isEmpty else { return nil }
        let interests = engine.interests(for: category, given: given)
        var steps: [TraceStep] = []
        if let category {
            steps.append(engine.step(.categoryDefaults, [
                "category": .string(category.description), "given": .strings(given),
            ], .strings(interests)))
        }
        if interests.isEmpty {
            r.fail(.required, FieldReader.join(path, "interests"), LocalizedText(
                nb: "minst én truet interesse må oppgis (kategorien har ingen standard)",
                en: "at least one threatened interest is required (the category has no default)"), line: line)
            return nil
        }
        return (kind, interests, steps)
    }

    static func triage(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) throws(ValidationError) -> [String: JSONValue]? {
        guard let m = r.object(root, "", allowed: ["check", "entries"]),
            let en = r.required(m, "entries", "", line: root.line), let items = r.array(en, "entries")
        else { return nil }
        var entries: [TriageEntry] = []
        var steps: [TraceStep] = []
        var ids = Set<String>()
        for (i, item) in items.enumerated() {
            let p = FieldReader.index("entries", i)
            guard let em = r.object(item, p, allowed: ["id", "interests", "probability", "consequence", "occurred_at", "kind", "category"]),
                let id = r.required(em, "id", p, line: item.line).flatMap({ r.string($0, FieldReader.join(p, "id")) })
            else { return nil }
            guard ids.insert(id).inserted else {
                r.fail(.duplicate, FieldReader.join(p, "id"), Msg.duplicateValue, line: item.line)
                return nil
            }
            let prob = r.required(em, "probability", p, line: item.line).flatMap { r.int($0, FieldReader.join(p, "probability"), in: RulesEngine.scale) }
            let cons = r.required(em, "consequence", p, line: item.line).flatMap { r.int($0, FieldReader.join(p, "consequence"), in: RulesEngine.scale) }
            let when = r.required(em, "occurred_at", p, line: item.line).flatMap { r.timestamp($0, FieldReader.join(p, "occurred_at")) }
            guard r.errors.isEmpty, let resolved = entryInterests(em, p, line: item.line, r, engine),
                let prob, let cons, let when
            else { return nil }
            steps += resolved.steps
            entries.append(TriageEntry(id: id, interests: resolved.interests, probability: prob, consequence: cons, occurredAt: when.date))
        }
        let result = try engine.triage(entries)
        return [
            "order": .array(result.order.map { .string($0) }),
            "priority": .object(result.priority.mapValues { .string($0.rawValue) }),
            "trace": trace(steps + result.trace),
        ]
    }

    static func deadlines(_ root: JSONNode, _ r: FieldReader, _ engine: RulesEngine) -> [String: JSONValue]? {
        let keys: Set<String> = ["check", "kind", "category", "interests", "occurred_at", "reported_at", "police_decision_required"]
        guard let m = r.object(root, "", allowed: keys) else { return nil }
        guard r.required(m, "kind", "", line: root.line) != nil else { return nil }
        let occurred = r.required(m, "occurred_at", "", line: root.line).flatMap { r.timestamp($0, "occurred_at") }
        let reported = r.required(m, "reported_at", "", line: root.line).flatMap { r.timestamp($0, "reported_at") }
        let police = r.optional(m, "police_decision_required").flatMap { r.bool($0, "police_decision_required") } ?? false
        guard r.errors.isEmpty, let resolved = entryInterests(m, "", line: root.line, r, engine), let kind = resolved.kind,
            let occurred, let reported
        else { return nil }
        if police && kind != .threat {
            r.fail(.notAllowed, "police_decision_required", LocalizedText(
                nb: "gjelder bare trusselhendelser", en: "applies only to threat events"), line: m["police_decision_required"]?.line)
            return nil
        }
        let e = engine.deadlines(for: DeadlineInput(kind: kind, interests: resolved.interests, occurredAt: occurred.date,
                                                    reportedAt: reported.date, policeDecisionRequired: police))
        return [
            "priority": e.priority.map { .string($0.rawValue) } ?? .null,
            "deadlines": .array(e.deadlines.map { .object(["what": .string($0.what.rawValue), "due": .string(Timestamp.format($0.due))]) }),
            "trace": trace(resolved.steps + e.trace),
        ]
    }
}
