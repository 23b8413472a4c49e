import Foundation
import Store
import VaktloggCore
import VaktloggText

/// A stored rule trace told in words (sentences from ``TraceText``): one line per judgement, with
/// the rule's kind and the strategy section it rests on.
enum TraceWords {
    static func lines(_ traceJSON: String, language: Language) -> [String] {
        guard let steps = (try? JSONSerialization.jsonObject(with: Data(traceJSON.utf8))) as? [[String: Any]] else { return [] }
        return steps.compactMap { step in
            guard let rule = step["rule"] as? String else { return nil }
            let inputs = step["inputs"] as? [String: Any] ?? [:]
            guard let sentence = sentence(rule: rule, inputs: inputs, result: step["result"]) else { return nil }
            let basis = TraceText.basis(kind: step["kind"] as? String ?? "", source: step["source"] as? String ?? "")
            return "\(sentence(language)) \(basis(language))"
        }
    }

    private static func sentence(rule: String, inputs: [String: Any], result: Any?) -> LocalizedText? {
        let r = result as? [String: Any] ?? [:]
        func s(_ v: Any?) -> String { v.map { "\($0)" } ?? "?" }
        switch rule {
        case "risk":
            return TraceText.risk(probability: s(inputs["probability"]), consequence: s(inputs["consequence"]),
                                  score: s(r["score"]), band: r["band"] as? String ?? "")
        case "triage_order":
            guard let interests = inputs["interests"] as? [String] else { return nil }
            return TraceText.triage(interests: interests, tier: s(inputs["tier"]), priority: result as? String ?? "?")
        case "organised_crime":
            let missing = (r["missing_required"] as? [Any] ?? []).map { "\($0)" }.joined(separator: ", ")
            return TraceText.organisedCrime(count: s(r["count"]), organised: r["organised"] as? Bool ?? false, missing: missing)
        case "police" where r["what"] != nil:
            return sentence(rule: "threat_assessment", inputs: inputs, result: result)
        case "police":
            // The hours come from the rule set that judged the entry, as stored in its trace.
            return TraceText.police(required: r["decision_required"] as? Bool ?? false,
                                    withinHours: r["deadline_hours"] as? Int ?? 24)
        case "p1_acknowledge", "deviation_handling", "manipulation_follow_up", "threat_assessment":
            guard let what = r["what"] as? String, let due = r["due"] as? String else { return nil }
            return TraceText.deadline(what, by: Timestamp(rfc3339: due).map { OsloTime.format($0.date) } ?? due)
        default:
            let text = "\(rule): \(result.map { "\($0)" } ?? "")"
            return LocalizedText(nb: text, en: text)
        }
    }
}
