import Rules
import VaktloggCore

extension EntryDetail {
    /// Hours the rule set that judged the entry allowed for the police-information decision, when
    /// it required one (the police step's `deadline_hours`); nil when no decision was required.
    ///
    /// Read from the stored trace, not today's rule set: a later rule set may allow another period,
    /// but this entry was judged — and its deadline set — under the one in its trace.
    public var policeDecisionHours: Int? {
        for step in trace where step.rule == .police {
            if case .object(let result) = step.result, case .int(let hours)? = result["deadline_hours"] { return hours }
        }
        return nil
    }
}
