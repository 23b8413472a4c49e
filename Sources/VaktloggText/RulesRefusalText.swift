public import VaktloggCore

/// Messages for the refusals added with rule set ksf-2006.2 (sql/027): person flags, decision
/// significance, the P1 rule of proportionality, per-unit deadlines. Kept apart from
/// ``RefusalText``'s table so that parallel branches do not edit the same lines.
enum RulesRefusalText {
    static let table: [String: LocalizedText] = [
        "decision_always_significant": .init(
            nb: "en permisjon, overføring til lavere sikkerhetsnivå eller løslatelse for en person med forvaring eller INFOFLYT har alltid særlig betydning for samfunnets trygghet (bruk --public-safety med begrunnelse og risikovurdering)",
            en: "a leave, transfer to lower security or release of a person flagged forvaring or infoflyt is always significant for public safety (use --public-safety with a justification and an assessment)"),
        "decision_significance_required": .init(
            nb: "vedtak av denne typen har særlig betydning for samfunnets trygghet med mindre en begrunnelse sier hvorfor ikke (--public-safety, eller --not-significant-reason)",
            en: "a decision of this type is significant for public safety unless a reason says why not (--public-safety, or --not-significant-reason)"),
        "flag_already_set": .init(nb: "personen har allerede dette flagget", en: "the flag is already set on this person"),
        "flag_not_set": .init(nb: "personen har ikke dette flagget", en: "the flag is not set on this person"),
        "invalid_action": .init(nb: "et flagg settes (--set) eller oppheves (--lift)", en: "a flag is set (--set) or lifted (--lift)"),
        "invalid_person": .init(nb: "en person angis med saksnummer (bokstaver, sifre, . _ / -)", en: "a person is named by a case number (letters, digits, . _ / -)"),
        "unknown_flag": .init(nb: "ukjent flagg; tillatt: forvaring, infoflyt, remand_restricted", en: "unknown flag; allowed: forvaring, infoflyt, remand_restricted"),
        "unknown_unit": .init(nb: "ukjent enhet", en: "unknown unit"),
        "police_decision_not_required": .init(
            nb: "hendelsen gjelder ingen INFOFLYT-person; det kreves ingen beslutning om å informere politiet",
            en: "the incident involves no INFOFLYT person; no police decision is required"),
        "proportionality_overtaken": .init(
            nb: "en P1-hendelse med personen har skjedd etter risikovurderingen; den må fornyes (eller tiltaket begrunnes)",
            en: "a P1 incident involving the person came after the risk assessment; renew it (or justify the measure)"),
    ]
}
