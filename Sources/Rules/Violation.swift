public import VaktloggCore
/// A rule an evaluation found broken.
///
/// A main-rule violation cured by a recorded justification stays listed with `justified == true`:
/// departures from a main rule are exactly what the SIK report must show.
public struct Violation: Codable, Sendable, Hashable {
    /// The rule broken.
    public var rule: RuleID
    /// Its kind.
    public var kind: RuleKind
    /// A stable code saying how it was broken, e.g. `exceeds_band`, `ground_practical`.
    public var reason: String
    /// Whether a recorded justification covers it (main rules only).
    public var justified: Bool

    /// A violation of `rule` (kind from the catalogue).
    public init(rule: RuleID, reason: String, justified: Bool = false) {
        self.rule = rule
        self.kind = rule.kind
        self.reason = reason
        self.justified = justified
    }

    /// The violation as a JSON object.
    public var json: JSONValue {
        .object([
            "rule": .string(rule.rawValue), "kind": .string(kind.rawValue), "reason": .string(reason),
            "justified": .bool(justified),
        ])
    }
}

/// The outcome of a measure or decision check, from worst to best.
public enum Outcome: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// A strict rule is broken; no justification can cure it.
    case rejected
    /// A main rule is broken and no justification is recorded.
    case needsJustification = "needs_justification"
    /// A consideration is not recorded.
    case incomplete
    /// Nothing stands in the way.
    case allowed

    /// Severity rank: rejected 0 (worst) … allowed 3.
    public var rank: Int {
        switch self {
        case .rejected: 0
        case .needsJustification: 1
        case .incomplete: 2
        case .allowed: 3
        }
    }

    /// Worse sorts first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// The result of a judging check: outcome, violations and the trace that led there.
public struct Evaluation: Codable, Sendable, Hashable {
    /// The outcome.
    public var outcome: Outcome
    /// Every violation found, justified ones included.
    public var violations: [Violation]
    /// How the outcome was reached.
    public var trace: [TraceStep]
}
