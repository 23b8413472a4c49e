public import VaktloggCore
/// One step of an evaluation's trace: which rule, of which kind and rule-set version, from which
/// section of the strategy, applied to which inputs, with which result.
///
/// Traces are stored with each entry (`jsonb`) and shown in the dashboard; the strategy's
/// "Det er et mål at vi til enhver tid skal kunne gi uttrykk for de risikovurderinger som ligger
/// til grunn for våre valg" is why every judgement carries one.
public struct TraceStep: Codable, Sendable, Hashable {
    /// The rule applied.
    public var rule: RuleID
    /// Its kind (kept in the trace so a reader never confuses a main rule with a strict one).
    public var kind: RuleKind
    /// The rule-set version it was judged under.
    public var version: String
    /// The strategy section the rule comes from.
    public var source: String
    /// The inputs the rule looked at.
    public var inputs: [String: JSONValue]
    /// What it concluded.
    public var result: JSONValue

    /// A step for `rule` (kind and source from the catalogue).
    public init(rule: RuleID, version: String, inputs: [String: JSONValue], result: JSONValue) {
        self.rule = rule
        self.kind = rule.kind
        self.version = version
        self.source = rule.source
        self.inputs = inputs
        self.result = result
    }

    /// The step as a JSON object, in the contract's field names.
    public var json: JSONValue {
        .object([
            "rule": .string(rule.rawValue), "kind": .string(kind.rawValue), "version": .string(version),
            "source": .string(source), "inputs": .object(inputs), "result": result,
        ])
    }
}

extension Array where Element == TraceStep {
    /// The canonical JSON (sorted keys, compact) of a trace, as stored with an entry (`jsonb`).
    /// It decodes back with `JSONDecoder` into the same `[TraceStep]`.
    public var canonicalJSON: String { JSONValue.array(map(\.json)).canonicalJSON }
}
