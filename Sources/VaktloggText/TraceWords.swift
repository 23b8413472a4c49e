public import Rules
public import VaktloggCore

/// A stored rule trace told in words (sentences from ``TraceText``): one line per judgement, with
/// the rule's kind and the strategy section it rests on. The steps are the decoded trace of the
/// rule set that judged the entry, so a deadline is told as that rule set set it. Shared by `show`
/// and the dashboard's detail screen.
public enum TraceWords {
    /// One sentence per step that has one, in `language`.
    public static func lines(_ steps: [TraceStep], language: Language) -> [String] {
        steps.compactMap { step in
            guard let sentence = sentence(step.rule, inputs: step.inputs, result: step.result) else { return nil }
            let basis = TraceText.basis(kind: step.kind.rawValue, source: step.source)
            return "\(sentence(language)) \(basis(language))"
        }
    }

    private static func sentence(_ rule: RuleID, inputs: [String: JSONValue], result: JSONValue) -> LocalizedText? {
        let r = result.members
        switch rule {
        case .risk:
            return TraceText.risk(probability: text(inputs["probability"]), consequence: text(inputs["consequence"]),
                                  score: text(r["score"]), band: r["band"]?.string ?? "")
        case .triageOrder:
            guard let interests = inputs["interests"]?.strings else { return nil }
            return TraceText.triage(interests: interests, tier: text(inputs["tier"]), priority: result.string ?? "?")
        case .organisedCrime:
            let missing = (r["missing_required"]?.items ?? []).map { text($0) }.joined(separator: ", ")
            return TraceText.organisedCrime(count: text(r["count"]), organised: r["organised"]?.bool ?? false, missing: missing)
        case .police where r["what"] != nil:
            return sentence(.threatAssessment, inputs: inputs, result: result)
        case .police:
            // The hours come from the rule set that judged the entry, as stored in its trace.
            return TraceText.police(required: r["decision_required"]?.bool ?? false, withinHours: r["deadline_hours"]?.int ?? 24)
        case .p1Acknowledge, .deviationHandling, .manipulationFollowUp, .threatAssessment:
            guard let what = r["what"]?.string, let due = r["due"]?.string else { return nil }
            return TraceText.deadline(what, by: Timestamp(rfc3339: due).map { OsloTime.format($0.date) } ?? due)
        default:
            let line = "\(rule.rawValue): \(result.canonicalJSON)"
            return LocalizedText(nb: line, en: line)
        }
    }

    /// A scalar as it is written in a sentence (`?` when absent).
    private static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let s)?: s
        case .int(let i)?: String(i)
        case .double(let d)?: String(d)
        case .bool(let b)?: String(b)
        case nil, .null?: "?"
        case let other?: other.canonicalJSON
        }
    }
}

extension JSONValue {
    fileprivate var members: [String: JSONValue] { if case .object(let m) = self { m } else { [:] } }
    fileprivate var items: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    fileprivate var string: String? { if case .string(let s) = self { s } else { nil } }
    fileprivate var strings: [String]? { items?.compactMap(\.string) }
    fileprivate var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    fileprivate var int: Int? { if case .int(let i) = self { i } else { nil } }
}
