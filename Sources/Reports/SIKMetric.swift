/// One metric of the SIK report (domain.md §7): its code, group, what kind of number it is, its
/// target and the SQL function that computes it, so an analyst can reproduce it with psql.
public struct SIKMetric: Hashable, Sendable {
    /// How the number is formed.
    public enum Kind: String, Sendable, Codable {
        /// A count of rows.
        case count
        /// numerator / denominator; no data when the denominator is 0.
        case share
        /// A duration in seconds (median or percentile); no data when nothing was measured.
        case seconds
        /// numerator / denominator as a plain ratio (deviations per incident).
        case ratio
    }

    /// The target a value is judged against.
    public enum Target: Hashable, Sendable {
        /// The value must be at least this (shares as 0…1, seconds, counts).
        case atLeast(Double)
        /// The value must be at most this.
        case atMost(Double)
        /// Shown for information; not judged.
        case none
    }

    /// The code, as the SQL function returns it.
    public let code: String
    /// The §7 group (1–13).
    public let group: Int
    public let kind: Kind
    public let target: Target
    /// The SQL function whose row with this code gives the number.
    public let source: String
}

extension SIKMetric {
    static let metrics = "sik_metrics(unit, from, to)"
    static let followUp = "sik_follow_up_metrics(unit, from, to)"

    /// Every metric of groups 1–6 and 8–13 (7, integrity, is the chain line), in report order. Targets are product defaults (the
    /// strategy sets none except 100 % for justified significant decisions and assessed restrictive
    /// measures): 90 % for deadline shares, P1 acknowledged within the 5-minute default, no open
    /// overdue deviations, at least one deviation reported per incident (a reporting culture); 100 %
    /// for unit-wide measures lifted by their end, a current unit risk assessment and significant
    /// types of decision recorded as significant.
    public static let all: [SIKMetric] = [
        SIKMetric(code: "deviations_registered", group: 1, kind: .count, target: .none, source: metrics),
        SIKMetric(code: "deviations_acknowledged_in_time", group: 1, kind: .share, target: .atLeast(0.9), source: metrics),
        SIKMetric(code: "deviations_closed_in_time", group: 1, kind: .share, target: .atLeast(0.9), source: metrics),
        SIKMetric(code: "deviation_median_days_to_close", group: 1, kind: .seconds, target: .atMost(30 * 86400), source: metrics),
        SIKMetric(code: "deviations_open_overdue", group: 1, kind: .count, target: .atMost(0), source: metrics),
        SIKMetric(code: "incidents_registered", group: 2, kind: .count, target: .none, source: metrics),
        SIKMetric(code: "p1_ack_median_seconds", group: 2, kind: .seconds, target: .atMost(300), source: metrics),
        SIKMetric(code: "p1_ack_p90_seconds", group: 2, kind: .seconds, target: .atMost(300), source: metrics),
        SIKMetric(code: "p1_acknowledged_in_time", group: 2, kind: .share, target: .atLeast(0.9), source: metrics),
        SIKMetric(code: "manipulation_reports", group: 3, kind: .count, target: .none, source: metrics),
        SIKMetric(code: "manipulation_supervision_in_time", group: 3, kind: .share, target: .atLeast(0.9), source: metrics),
        SIKMetric(code: "threat_events", group: 4, kind: .count, target: .none, source: metrics),
        SIKMetric(code: "threats_assessed_in_time", group: 4, kind: .share, target: .atLeast(0.9), source: metrics),
        SIKMetric(code: "threats_police_decided", group: 4, kind: .share, target: .atLeast(1), source: metrics),
        SIKMetric(code: "significant_decisions_justified", group: 5, kind: .share, target: .atLeast(1), source: metrics),
        SIKMetric(code: "restrictive_measures_assessed", group: 6, kind: .share, target: .atLeast(1), source: metrics),
        SIKMetric(code: "main_rule_departures", group: 6, kind: .count, target: .none, source: metrics),
        SIKMetric(code: "failures", group: 8, kind: .count, target: .atMost(0), source: metrics),
        SIKMetric(code: "staff_safety_events", group: 9, kind: .count, target: .none, source: followUp),
        SIKMetric(code: "debriefings_offered_in_time", group: 9, kind: .share, target: .atLeast(0.9), source: followUp),
        SIKMetric(code: "debriefings_held_in_time", group: 9, kind: .share, target: .atLeast(0.9), source: followUp),
        SIKMetric(code: "active_restrictive_measures", group: 10, kind: .count, target: .none, source: followUp),
        SIKMetric(code: "active_unit_measures", group: 10, kind: .count, target: .none, source: followUp),
        SIKMetric(code: "active_measures_median_age_seconds", group: 10, kind: .seconds, target: .none, source: followUp),
        SIKMetric(code: "measure_reviews_in_time", group: 10, kind: .share, target: .atLeast(0.9), source: followUp),
        SIKMetric(code: "unit_measures_lifted_by_end", group: 10, kind: .share, target: .atLeast(1), source: followUp),
        SIKMetric(code: "unit_assessment_current", group: 11, kind: .share, target: .atLeast(1), source: followUp),
        SIKMetric(code: "median_report_delay_seconds", group: 12, kind: .seconds, target: .atMost(3600), source: metrics),
        SIKMetric(code: "deviations_per_incident", group: 12, kind: .ratio, target: .atLeast(1), source: metrics),
        SIKMetric(code: "significant_type_decisions_recorded", group: 13, kind: .share, target: .atLeast(1), source: followUp),
    ]

    /// Groups this version does not compute yet: none since migration 038 (the JSON keeps the field,
    /// empty, so its schema stays the same).
    public static let notYetRecordedGroups: [Int] = []
}
