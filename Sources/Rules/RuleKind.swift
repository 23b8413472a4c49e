/// The kind of a rule, which decides what can override it.
///
/// The strategy's wording gives three kinds and they must never blur: a *strict* rule is never
/// overridden; a *main rule* ("som hovedregel") holds unless a decision records a justification
/// for departing from it; a *consideration* must be recorded but decides nothing. *Threshold*
/// marks classifiers and tables (risk bands, criteria counts, deadlines) that apply a
/// configurable number rather than a weighing.
public enum RuleKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Never overridden.
    case strict
    /// Holds unless a justification for departing is recorded.
    case mainRule = "main_rule"
    /// Must be recorded; does not decide.
    case consideration
    /// A classifier or table applying a configurable threshold.
    case threshold
}
