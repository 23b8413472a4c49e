/// Triage priority P1–P4: the tier of the weightiest interest an entry threatens.
public enum Priority: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Threatens life/health or public safety (tier 1).
    case p1 = "P1"
    /// Threatens security (tier 2).
    case p2 = "P2"
    /// Threatens rehabilitation (tier 3).
    case p3 = "P3"
    /// Threatens only peace and order (tier 4).
    case p4 = "P4"

    /// The priority for a tier 1–4; tiers outside that range clamp to the nearest priority.
    public init(tier: Int) {
        switch tier {
        case ...1: self = .p1
        case 2: self = .p2
        case 3: self = .p3
        default: self = .p4
        }
    }

    /// The priority of the weightiest of `interests`, or `nil` when there are none.
    public init?(interests: some Sequence<Interest>) {
        guard let tier = interests.map(\.tier).min() else { return nil }
        self.init(tier: tier)
    }

    /// The tier this priority stands for (1–4).
    public var tier: Int {
        switch self {
        case .p1: 1
        case .p2: 2
        case .p3: 3
        case .p4: 4
        }
    }

    /// P1 sorts first: more urgent is "less".
    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.tier < rhs.tier }
}
