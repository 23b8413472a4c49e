public import VaktloggCore
import Rules

/// A stored rule trace in words: one sentence per judgement (`show`).
public enum TraceText {
    public static func risk(probability: String, consequence: String, score: String, band: String) -> LocalizedText {
        let b = RiskBand.label(band)
        return t("Risiko = sannsynlighet \(probability) × konsekvens \(consequence) = \(score) (\(b.nb))",
                 "Risk = probability \(probability) × consequence \(consequence) = \(score) (\(b.en))")
    }

    public static func triage(interests: [String], tier: String, priority: String) -> LocalizedText {
        let nb = interests.map { Interest.label($0).nb }.joined(separator: ", ")
        let en = interests.map { Interest.label($0).en }.joined(separator: ", ")
        return t("Truede interesser: \(nb) → høyeste nivå \(tier) → prioritet \(priority)",
                 "Threatened interests: \(en) → highest tier \(tier) → priority \(priority)")
    }

    public static func organisedCrime(count: String, organised: Bool, missing: String) -> LocalizedText {
        if organised {
            return t("Organisert kriminalitet: \(count) kjennetegn – kriteriene er oppfylt",
                     "Organised crime: \(count) criteria – the criteria are met")
        }
        return t("Organisert kriminalitet: \(count) kjennetegn – ikke oppfylt" + (missing.isEmpty ? "" : " (mangler \(missing))"),
                 "Organised crime: \(count) criteria – not met" + (missing.isEmpty ? "" : " (missing \(missing))"))
    }

    /// The police rule: whether a decision on informing the police is required, and within how many hours.
    public static func police(required: Bool, withinHours hours: Int) -> LocalizedText {
        required
            ? t("Beslutning om å informere politiet kreves innen \(hours) timer",
                "A decision on informing the police is required within \(hours) hours")
            : t("Ingen politibeslutning kreves", "No police decision required")
    }

    public static func deadline(_ what: String, by when: String) -> LocalizedText {
        let name = EventText.deadline(what)
        return t("Frist: \(name.nb) innen \(when)", "Deadline: \(name.en) by \(when)")
    }

    /// `[kind; source]` after a sentence: the rule's kind and the strategy section it rests on.
    public static func basis(kind: String, source: String) -> LocalizedText {
        let k = RuleKind.label(kind)
        return t("[\(k.nb); \(source)]", "[\(k.en); \(source)]")
    }
}
