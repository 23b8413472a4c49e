/// The type of a measure (tiltak) taken in response to an entry or a risk.
public enum MeasureType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Isolasjon / sikkerhetscelle.
    case isolation
    /// Utelukkelse fra fellesskapet.
    case exclusion
    /// Visitasjon / ransaking.
    case search
    /// Overføring (e.g. to higher security).
    case transfer
    /// Tvangsmidler.
    case restraint
    /// Kommunikasjonsbegrensning (e.g. language restrictions on visits and calls).
    case communicationRestriction = "communication_restriction"
    /// Besøksbegrensning.
    case visitRestriction = "visit_restriction"
    /// Skjerpet kontroll.
    case extraControl = "extra_control"
    /// Støttende tiltak (not restrictive).
    case supportive
    /// Beskyttelse av truet tilsatt og deres nærmeste (domain.md §5, staff safety).
    case staffProtection = "staff_protection"
    /// Annet.
    case other
}

/// The stated ground for a communication restriction. The strategy (Fremmedkulturelle) allows only
/// security grounds: "practical or technical reasons" never justify one.
public enum CommunicationGround: String, Codable, Sendable, CaseIterable, Hashable {
    /// Sikkerhetsmessig begrunnet.
    case security
    /// Praktiske forhold — not a valid ground.
    case practical
    /// Tekniske forhold — not a valid ground.
    case technical
    /// Annet.
    case other
}

/// How restrictive a measure is against a person (0–4), compared with what the person's
/// current risk assessment band permits.
public enum Restrictiveness: Int, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// 0 — not restrictive.
    case none = 0
    /// 1 — mild (extra control).
    case mild = 1
    /// 2 — moderate (search, restricted association).
    case moderate = 2
    /// 3 — severe (exclusion from community, transfer to higher security).
    case severe = 3
    /// 4 — most severe (security cell, restraints).
    case mostSevere = 4

    /// Lower is less restrictive.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
