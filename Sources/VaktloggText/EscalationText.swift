public import VaktloggCore

/// The user-facing texts of `vaktlogg escalate` and of escalations in `vaktlogg show`.
public enum EscalationText {
    /// How many passed deadlines one run escalated.
    public static func escalated(_ count: Int) -> LocalizedText {
        switch count {
        case 0: LocalizedText(nb: "ingen frister å eskalere", en: "no deadlines to escalate")
        case 1: LocalizedText(nb: "1 passert frist eskalert", en: "1 passed deadline escalated")
        default: LocalizedText(nb: "\(count) passerte frister eskalert", en: "\(count) passed deadlines escalated")
        }
    }

    /// `escalate` without `--once`: the periodic worker is `vaktlogg serve`'s.
    public static let onceRequired = LocalizedText(
        nb: "oppgi --once (den periodiske eskaleringen kjører i tjenesten)",
        en: "give --once (the periodic escalation runs in the service)")

    /// The deadline an escalation names (`deadline` of the event's data).
    public static func deadline(_ code: String) -> LocalizedText {
        switch code {
        case "ack": LocalizedText(nb: "kvittering", en: "acknowledgement")
        case "treatment": LocalizedText(nb: "behandling", en: "treatment")
        case "close": LocalizedText(nb: "lukking", en: "closing")
        case "review": LocalizedText(nb: "gjennomgang", en: "review")
        case "supervision": LocalizedText(nb: "veiledning", en: "supervision")
        case "assessment": LocalizedText(nb: "vurdering", en: "assessment")
        case "police": LocalizedText(nb: "politibeslutning", en: "police decision")
        default: LocalizedText(nb: code, en: code)
        }
    }

    /// One escalation line in `show`: which deadline, due when.
    public static func escalation(deadline what: String, due: String) -> LocalizedText {
        let name = deadline(what)
        return LocalizedText(nb: "frist for \(name.nb) (\(due)) passert", en: "\(name.en) deadline (\(due)) passed")
    }
}
