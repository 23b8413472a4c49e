public import VaktloggCore

/// A risk score and its band.
public struct RiskEvaluation: Sendable, Hashable {
    /// probability × consequence, 1–25.
    public var score: Int
    /// The band the score falls in under the rule set.
    public var band: RiskBand
    /// How it was reached.
    public var trace: [TraceStep]
}

extension RulesEngine {
    /// The valid range of probability and of consequence.
    public static let scale = 1...5

    /// Risk = probability × consequence (NOU 2000:24), banded by the rule set.
    ///
    /// Throws when either factor is outside 1–5.
    public func risk(probability: Int, consequence: Int) throws(ValidationError) -> RiskEvaluation {
        for (name, value) in [("probability", probability), ("consequence", consequence)] where !Self.scale.contains(value) {
            throw ValidationError(code: .outOfRange, field: name, message: Msg.range(Self.scale))
        }
        let score = probability * consequence
        // A valid rule set covers every achievable score; `critical` is the safe fallback for a
        // hand-built set with a hole, since understating risk is the worse error.
        let band = ruleSet.band(forScore: score) ?? .critical
        let trace = [step(.risk, ["probability": .int(probability), "consequence": .int(consequence)],
                          .object(["score": .int(score), "band": .string(band.rawValue)]))]
        return RiskEvaluation(score: score, band: band, trace: trace)
    }
}
