/// A metric's number for one unit (or a roll-up) and one period, and its judgement.
public struct MetricValue: Hashable, Sendable {
    /// For shares and ratios.
    public var numerator: Int64?
    public var denominator: Int64?
    /// For counts and durations.
    public var value: Double?

    public init(numerator: Int64? = nil, denominator: Int64? = nil, value: Double? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
    }

    /// The number the target is judged on, or nil for "no data" (a share over nothing, a median of
    /// nothing) — never 0 % and never a division by zero.
    public func number(_ kind: SIKMetric.Kind) -> Double? {
        switch kind {
        case .count, .seconds: value
        case .share, .ratio:
            if let n = numerator, let d = denominator, d > 0 { Double(n) / Double(d) } else { nil }
        }
    }

    /// Adds another unit's value for a roll-up: counts and shares sum their parts; a median cannot
    /// be summed, so roll-ups of durations come from the SQL over all units (see SIKReport+Build).
    func adding(_ other: MetricValue, kind: SIKMetric.Kind) -> MetricValue {
        switch kind {
        case .count: MetricValue(value: (value ?? 0) + (other.value ?? 0))
        case .share, .ratio: MetricValue(numerator: (numerator ?? 0) + (other.numerator ?? 0),
                                          denominator: (denominator ?? 0) + (other.denominator ?? 0))
        case .seconds: self
        }
    }
}

/// Met, not met, no data, or not judged.
public enum Judgement: String, Sendable, Codable {
    case met, notMet = "not_met", noData = "no_data", informational
}

extension SIKMetric {
    /// Judges a value against this metric's target.
    public func judge(_ value: MetricValue) -> Judgement {
        guard let n = value.number(kind) else { return .noData }
        switch target {
        case .none: return .informational
        case .atLeast(let t): return n >= t ? .met : .notMet
        case .atMost(let t): return n <= t ? .met : .notMet
        }
    }
}
