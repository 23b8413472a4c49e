public import VaktloggCore

extension Interest: Labelled {
    public var label: LocalizedText {
        switch self {
        case .lifeHealth: t("liv og helse", "life and health")
        case .publicSafety: t("samfunnets trygghet", "public safety")
        case .security: t("sikkerhet", "security")
        case .rehabilitation: t("påvirkningsarbeid", "rehabilitation")
        case .order: t("ro og orden", "peace and order")
        }
    }

    /// The name of an interest code; an unknown code is shown as it is.
    public static func label(_ code: String) -> LocalizedText { labelOf(Interest.self, code) }
}

extension Priority: Labelled {
    public var label: LocalizedText {
        switch self {
        case .p1: t("P1 – liv, helse eller samfunnets trygghet", "P1 – life, health or public safety")
        case .p2: t("P2 – sikkerhet", "P2 – security")
        case .p3: t("P3 – påvirkningsarbeid", "P3 – rehabilitation")
        case .p4: t("P4 – ro og orden", "P4 – peace and order")
        }
    }
}

extension RiskBand: Labelled {
    public var label: LocalizedText {
        switch self {
        case .low: t("lav", "low")
        case .moderate: t("moderat", "moderate")
        case .high: t("høy", "high")
        case .critical: t("kritisk", "critical")
        }
    }

    /// The name of a band code; an unknown code is shown as it is.
    public static func label(_ code: String) -> LocalizedText { labelOf(RiskBand.self, code) }
}

extension SecurityDomain: Labelled {
    public var label: LocalizedText {
        switch self {
        case .correctionalSecurity: t("straffegjennomføringssikkerhet", "correctional security")
        case .hse: t("HMS", "health, safety and environment")
        case .infosec: t("informasjonssikkerhet", "information security")
        }
    }

    /// The name of a domain code; an unknown code is shown as it is.
    public static func label(_ code: String) -> LocalizedText { labelOf(SecurityDomain.self, code) }
}

/// The interest tiers 1–4 of the security strategy (domain.md §3).
public enum Tier {
    /// `nivå 1` / `tier 1`.
    public static func label(_ tier: Int) -> LocalizedText { t("nivå \(tier)", "tier \(tier)") }
}
