public import Foundation

/// The SIK compliance report for a unit or a region and a period, with the previous period of equal
/// length beside it. A plain value: built by `SIKReport.build`, rendered by the renderers.
public struct SIKReport: Sendable {
    /// What the report covers.
    public enum Scope: Hashable, Sendable {
        case unit(String)
        case region(String)
    }

    /// One metric's value now and in the previous period.
    public struct Line: Sendable {
        public let metric: SIKMetric
        public let current: MetricValue
        public let previous: MetricValue
        public var currentJudgement: Judgement { metric.judge(current) }
        public var previousJudgement: Judgement { metric.judge(previous) }
    }

    /// A count in one breakdown (deviations by category, …).
    public struct Count: Hashable, Sendable {
        public let dimension: String
        public let key: String
        public let count: Int64

        public init(dimension: String, key: String, count: Int64) {
            self.dimension = dimension
            self.key = key
            self.count = count
        }
    }

    /// An open deviation past its close deadline: its reference, category and deadline. No persons.
    public struct Overdue: Hashable, Sendable {
        public let unit: String
        public let ref: String
        public let category: String
        public let closeDue: Date
    }

    /// A departure from a main rule (group 6): the measure, the rules departed from and the
    /// justification recorded for it. No person and no decider.
    public struct Departure: Hashable, Sendable {
        public let unit: String
        public let measureID: Int64
        public let type: String
        public let restrictiveness: Int
        public let decidedAt: Date
        /// The rule codes of the justified violations, as the rules module recorded them.
        public let rules: [String]
        public let justification: String
    }

    /// One unit's section, or the region's roll-up (`unit == nil`).
    public struct Section: Sendable {
        public let unit: String?
        public let lines: [Line]
        public let breakdown: [Count]
        public let previousBreakdown: [Count]
        public let reporterRoles: [Count]
        public let overdue: [Overdue]
        /// Group 6's main-rule departures in the period (`sik_main_rule_departures`).
        public let departures: [Departure]
        /// Whether the unit's hash chain verifies (`verify_chain`); nil for the roll-up.
        public let chainVerifies: Bool?
    }

    public let scope: Scope
    public let period: ReportPeriod
    public let generatedAt: Date
    /// One section per unit, then the roll-up for a region.
    public let sections: [Section]
}
