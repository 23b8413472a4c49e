import Foundation
import Rules
import Store
import VaktloggCore
import VaktloggText

/// A stored rule trace told in words: one sentence per judgement, with the rule's kind and the
/// strategy section it rests on.
enum TraceWords {
    static func lines(_ traceJSON: String, language nb: Bool) -> [String] {
        guard let steps = (try? JSONSerialization.jsonObject(with: Data(traceJSON.utf8))) as? [[String: Any]] else { return [] }
        return steps.compactMap { step in
            guard let rule = step["rule"] as? String else { return nil }
            let inputs = step["inputs"] as? [String: Any] ?? [:]
            let result = step["result"]
            let kind = kindName(step["kind"] as? String ?? "", nb: nb)
            let source = step["source"] as? String ?? ""
            guard let sentence = sentence(rule: rule, inputs: inputs, result: result, nb: nb) else { return nil }
            return "\(sentence) [\(kind); \(source)]"
        }
    }

    private static func sentence(rule: String, inputs: [String: Any], result: Any?, nb: Bool) -> String? {
        let r = result as? [String: Any] ?? [:]
        switch rule {
        case "risk":
            let band = bandName(r["band"] as? String ?? "", nb: nb)
            return nb ? "Risiko = sannsynlighet \(inputs["probability"] ?? "?") × konsekvens \(inputs["consequence"] ?? "?") = \(r["score"] ?? "?") (\(band))"
                      : "Risk = probability \(inputs["probability"] ?? "?") × consequence \(inputs["consequence"] ?? "?") = \(r["score"] ?? "?") (\(band))"
        case "triage_order":
            guard let interests = inputs["interests"] as? [String] else { return nil }
            let names = interests.map { interestName($0, nb: nb) }.joined(separator: ", ")
            return nb ? "Truede interesser: \(names) → høyeste nivå \(inputs["tier"] ?? "?") → prioritet \(result as? String ?? "?")"
                      : "Threatened interests: \(names) → highest tier \(inputs["tier"] ?? "?") → priority \(result as? String ?? "?")"
        case "organised_crime":
            let organised = r["organised"] as? Bool ?? false
            let missing = (r["missing_required"] as? [Any] ?? []).map { "\($0)" }.joined(separator: ", ")
            if nb {
                return "Organisert kriminalitet: \(r["count"] ?? "?") kjennetegn" + (organised ? " – kriteriene er oppfylt" : " – ikke oppfylt" + (missing.isEmpty ? "" : " (mangler \(missing))"))
            }
            return "Organised crime: \(r["count"] ?? "?") criteria" + (organised ? " – the criteria are met" : " – not met" + (missing.isEmpty ? "" : " (missing \(missing))"))
        case "police" where r["what"] != nil:
            return sentence(rule: "threat_assessment", inputs: inputs, result: result, nb: nb)
        case "police":
            let required = r["decision_required"] as? Bool ?? false
            return nb ? (required ? "Beslutning om å informere politiet kreves innen 24 timer" : "Ingen politibeslutning kreves")
                      : (required ? "A decision on informing the police is required within 24 hours" : "No police decision required")
        case "p1_acknowledge", "deviation_handling", "manipulation_follow_up", "threat_assessment":
            guard let what = r["what"] as? String, let due = r["due"] as? String else { return nil }
            let when = Timestamp(rfc3339: due).map { OsloTime.format($0.date) } ?? due
            return (nb ? "Frist: " : "Deadline: ") + deadlineName(what, nb: nb) + (nb ? " innen " : " by ") + when
        default:
            return "\(rule): \(result.map { "\($0)" } ?? "")"
        }
    }

    static func interestName(_ code: String, nb: Bool) -> String {
        switch code {
        case "life_health": nb ? "liv og helse" : "life and health"
        case "public_safety": nb ? "samfunnets trygghet" : "public safety"
        case "security": nb ? "sikkerhet" : "security"
        case "rehabilitation": nb ? "påvirkningsarbeid" : "rehabilitation"
        case "order": nb ? "ro og orden" : "peace and order"
        default: code
        }
    }

    static func bandName(_ band: String, nb: Bool) -> String {
        switch band {
        case "low": nb ? "lav" : "low"
        case "moderate": nb ? "moderat" : "moderate"
        case "high": nb ? "høy" : "high"
        case "critical": nb ? "kritisk" : "critical"
        default: band
        }
    }

    static func deadlineName(_ what: String, nb: Bool) -> String {
        switch what {
        case "p1_acknowledge", "ack_due": nb ? "kvittering (P1)" : "acknowledgement (P1)"
        case "deviation_acknowledge": nb ? "kvittering" : "acknowledgement"
        case "deviation_treatment", "treatment_due": nb ? "behandling startet" : "treatment started"
        case "deviation_close", "close_due": nb ? "lukking" : "closing"
        case "manipulation_review", "review_due": nb ? "gjennomgang av sikkerhetsleder" : "review by coordinator"
        case "manipulation_supervision", "supervision_due": nb ? "veiledning gjennomført" : "supervision held"
        case "threat_assessment", "assessment_due": nb ? "trusselvurdering" : "threat assessment"
        case "police_decision", "police_due": nb ? "politibeslutning" : "police decision"
        default: what
        }
    }

    private static func kindName(_ kind: String, nb: Bool) -> String {
        switch kind {
        case "strict": nb ? "absolutt" : "strict"
        case "main_rule": nb ? "hovedregel" : "main rule"
        case "consideration": nb ? "hensyn" : "consideration"
        case "threshold": nb ? "terskel" : "threshold"
        default: kind
        }
    }
}
