/// The band a risk score (probability × consequence) falls in; the limits live in the rule set.
public enum RiskBand: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Lav.
    case low
    /// Moderat.
    case moderate
    /// Høy.
    case high
    /// Kritisk.
    case critical

    /// Position on the scale, 0 for low.
    public var rank: Int {
        switch self {
        case .low: 0
        case .moderate: 1
        case .high: 2
        case .critical: 3
        }
    }

    /// `low` < `critical`.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
