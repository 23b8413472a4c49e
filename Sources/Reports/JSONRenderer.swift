import Foundation
import VaktloggCore

/// JSON with the stable schema of `docs/report-sik.schema.json` (schema_version 1). Codes, not
/// labels; `value` is null for "no data".
public struct JSONRenderer: Sendable {
    public init() {}

    struct Document: Encodable {
        let schema_version = 1
        let report = "sik"
        let scope: Scope
        let period: Period
        let previous_period: Period
        let generated_at: String
        let sections: [Section]
        let not_yet_recorded_groups: [Int]
    }
    struct Scope: Encodable { let kind: String; let code: String }
    struct Period: Encodable { let first: String; let last: String; let start: String; let end: String }
    struct Value: Encodable {
        let numerator: Int64?
        let denominator: Int64?
        let value: Double?
        let judgement: String
    }
    struct Target: Encodable { let op: String; let value: Double }
    struct Metric: Encodable {
        let code: String
        let group: Int
        let kind: String
        let target: Target?
        let source: String
        let current: Value
        let previous: Value
    }
    struct Count: Encodable { let dimension: String; let key: String; let count: Int64 }
    struct Overdue: Encodable { let unit: String; let ref: String; let category: String; let close_due: String }
    struct Departure: Encodable {
        let unit: String
        let measure_id: Int64
        let type: String
        let restrictiveness: Int
        let decided_at: String
        let rules: [String]
        let justification: String
    }
    struct Integrity: Encodable { let verifies: Bool; let source: String }
    struct Section: Encodable {
        let unit: String?
        let metrics: [Metric]
        let breakdown: [Count]
        let previous_breakdown: [Count]
        let reporter_roles: [Count]
        let overdue_deviations: [Overdue]
        let main_rule_departures: [Departure]
        let main_rule_departures_source: String
        let integrity: Integrity?
    }

    public func render(_ report: SIKReport) throws -> String {
        func period(_ p: ReportPeriod) -> Period {
            Period(first: p.first.description, last: p.last.description,
                   start: Timestamp.format(p.start), end: Timestamp.format(p.end))
        }
        func value(_ v: MetricValue, _ m: SIKMetric, _ j: Judgement) -> Value {
            Value(numerator: v.numerator, denominator: v.denominator, value: v.number(m.kind), judgement: j.rawValue)
        }
        func counts(_ c: [SIKReport.Count]) -> [Count] { c.map { Count(dimension: $0.dimension, key: $0.key, count: $0.count) } }
        let scope: Scope = switch report.scope {
        case .unit(let c): Scope(kind: "unit", code: c)
        case .region(let c): Scope(kind: "region", code: c)
        }
        let doc = Document(
            scope: scope, period: period(report.period), previous_period: period(report.period.previous),
            generated_at: Timestamp.format(report.generatedAt),
            sections: report.sections.map { s in
                Section(unit: s.unit,
                        metrics: s.lines.map { l in
                            let target: Target? = switch l.metric.target {
                            case .none: nil
                            case .atLeast(let x): Target(op: ">=", value: x)
                            case .atMost(let x): Target(op: "<=", value: x)
                            }
                            return Metric(code: l.metric.code, group: l.metric.group, kind: l.metric.kind.rawValue,
                                          target: target, source: l.metric.source,
                                          current: value(l.current, l.metric, l.currentJudgement),
                                          previous: value(l.previous, l.metric, l.previousJudgement))
                        },
                        breakdown: counts(s.breakdown), previous_breakdown: counts(s.previousBreakdown),
                        reporter_roles: counts(s.reporterRoles),
                        overdue_deviations: s.overdue.map { Overdue(unit: $0.unit, ref: $0.ref, category: $0.category,
                                                                    close_due: Timestamp.format($0.closeDue)) },
                        main_rule_departures: s.departures.map {
                            Departure(unit: $0.unit, measure_id: $0.measureID, type: $0.type, restrictiveness: $0.restrictiveness,
                                      decided_at: Timestamp.format($0.decidedAt), rules: $0.rules, justification: $0.justification)
                        },
                        main_rule_departures_source: SIKReport.departuresSource,
                        integrity: s.chainVerifies.map { Integrity(verifies: $0, source: SIKReport.integritySource) })
            },
            not_yet_recorded_groups: SIKMetric.notYetRecordedGroups)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(doc), as: UTF8.self) + "\n"
    }
}
