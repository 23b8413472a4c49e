/// An interest the security strategy protects, weighed in four tiers.
///
/// The foreword of the strategy (KSF 2006–2010) ranks them: life, health and the safety of society
/// above security, security above rehabilitation as the main rule, and peace and order lowest.
/// The tiers are fixed by the strategy and are deliberately *not* part of the configurable rule set.
public enum Interest: String, Codable, Sendable, CaseIterable, Hashable {
    /// Liv og helse — the life and health of anyone (inmate, staff, others).
    case lifeHealth = "life_health"
    /// Samfunnets trygghet — protection of society (escape, new crime).
    case publicSafety = "public_safety"
    /// Sikkerhet — safety of staff and inmates, control, escape and contraband prevention.
    case security
    /// Påvirkningsarbeid / tilbakeføring — rehabilitation and reintegration work.
    case rehabilitation
    /// Ro og orden — peace and order in the prison.
    case order

    /// The weighting tier, 1 weightiest: life/health and public safety 1, security 2,
    /// rehabilitation 3, order 4.
    public var tier: Int {
        switch self {
        case .lifeHealth, .publicSafety: 1
        case .security: 2
        case .rehabilitation: 3
        case .order: 4
        }
    }

    /// Whether this interest is weightier than `other` (a strictly lower tier number).
    public func outweighs(_ other: Interest) -> Bool { tier < other.tier }
}
