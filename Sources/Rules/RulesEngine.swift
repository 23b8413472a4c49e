import VaktloggCore

/// The strategy's rules applied under one rule set. Pure: no I/O, no clock, no database — every
/// time a rule needs is passed in, so a judgement can be replayed exactly from its trace.
///
/// Each check lives in its own file as an extension (`Triage.swift`, `MeasureCheck.swift`, …).
public struct RulesEngine: Sendable {
    /// The rule set in force.
    public let ruleSet: RuleSet
    /// `ruleSet.hash`, computed once: it is stamped on every `evaluate` result.
    public let ruleSetHash: String

    /// An engine under `ruleSet` (the shipped default unless an installation overrides it).
    public init(ruleSet: RuleSet = .default) {
        self.ruleSet = ruleSet
        self.ruleSetHash = ruleSet.hash
    }

    /// The version stamped on every trace step.
    public var version: String { ruleSet.version }


    func step(_ rule: RuleID, _ inputs: [String: JSONValue], _ result: JSONValue) -> TraceStep {
        TraceStep(rule: rule, version: ruleSet.version, inputs: inputs, result: result)
    }

    /// Whether a justification counts: present and not only whitespace.
    public static func isGiven(_ text: String?) -> Bool {
        guard let text else { return false }
        return text.unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
