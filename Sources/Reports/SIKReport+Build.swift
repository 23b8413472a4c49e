public import Foundation
public import Logging
import Postgres
public import Store

extension SIKReport {
    /// The SQL function behind the integrity line.
    public static let integritySource = "verify_chain(unit)"
    /// The SQL function behind the list of main-rule departures.
    public static let departuresSource = "sik_main_rule_departures(unit, from, to)"

    /// Builds the report as the session's login: every number comes from the SQL functions of
    /// migration 023 (under row-level security), the integrity line from `verify_chain`. A region's
    /// units are those of the region the caller may see; `progress` is told after each unit.
    public static func build(session: StoreSession, scope: Scope, period: ReportPeriod, now: Date,
                             logger: Logger = Logger(label: "vaktlogg.reports"),
                             progress: (Int, Int) -> Void = { _, _ in }) throws -> SIKReport {
        let c = session.connection
        let units: [String]
        switch scope {
        case .unit(let code): units = [code]
        case .region(let code):
            units = try c.query("""
                SELECT code FROM units WHERE region_code = \(code) AND code IN (SELECT visible_units()) ORDER BY code
                """).rows.map { try $0.decode(String.self, "code") }
        }
        // Steps: each unit, then a region's roll-up; `progress` hears of each as it starts, so a
        // terminal shows what is being computed rather than what is done.
        var rollUp = false
        if case .region = scope, !units.isEmpty { rollUp = true }
        let steps = units.count + (rollUp ? 1 : 0)
        var sections: [Section] = []
        for (i, unit) in units.enumerated() {
            progress(i + 1, steps)
            sections.append(try section(c, units: [unit], label: unit, period: period, now: now))
        }
        if rollUp {
            progress(steps, steps)
            sections.append(try section(c, units: units, label: nil, period: period, now: now))
        }
        logger.debug("sik report built", metadata: ["units": "\(units.count)"])
        return SIKReport(scope: scope, period: period, generatedAt: now, sections: sections)
    }

    static func section(_ c: Connection, units: [String], label: String?, period: ReportPeriod, now: Date) throws -> Section {
        let current = try metrics(c, units: units, from: period.start, to: period.end)
        let previous = try metrics(c, units: units, from: period.previous.start, to: period.previous.end)
        let lines = SIKMetric.all.map { m in
            Line(metric: m, current: current[m.code] ?? MetricValue(), previous: previous[m.code] ?? MetricValue())
        }
        let overdueAt = min(now, period.end)
        let overdue = try c.query("""
            SELECT unit_code, ref, category, close_due FROM sik_overdue_deviations(\(units), \(overdueAt))
            """).rows.map {
            Overdue(unit: try $0.decode(String.self, "unit_code"), ref: try $0.decode(String.self, "ref"),
                    category: try $0.decode(String.self, "category"), closeDue: try $0.decode(Date.self, "close_due"))
        }
        let departures = try c.query("""
            SELECT unit_code, measure_id, type, restrictiveness::int AS restrictiveness, decided_at, rules, justification
              FROM sik_main_rule_departures(\(units), \(period.start), \(period.end))
            """).rows.map {
            Departure(unit: try $0.decode(String.self, "unit_code"), measureID: try $0.decode(Int64.self, "measure_id"),
                      type: try $0.decode(String.self, "type"), restrictiveness: try $0.decode(Int.self, "restrictiveness"),
                      decidedAt: try $0.decode(Date.self, "decided_at"), rules: try $0.decode([String].self, "rules"),
                      justification: try $0.decode(String.self, "justification"))
        }
        var verifies: Bool? = nil
        if let unit = label {
            verifies = try c.query("SELECT ok FROM verify_chain(\(unit))").rows.first.map { try $0.decode(Bool.self, "ok") } ?? false
        }
        return Section(unit: label, lines: lines,
                       breakdown: try breakdown(c, units: units, from: period.start, to: period.end),
                       previousBreakdown: try breakdown(c, units: units, from: period.previous.start, to: period.previous.end),
                       reporterRoles: try c.query("""
                           SELECT role, count FROM sik_reporter_roles(\(units), \(period.start), \(period.end))
                           """).rows.map { Count(dimension: "reporter_role", key: try $0.decode(String.self, "role"),
                                                 count: try $0.decode(Int64.self, "count")) },
                       overdue: overdue, departures: departures, chainVerifies: verifies)
    }

    static func metrics(_ c: Connection, units: [String], from: Date, to: Date) throws -> [String: MetricValue] {
        var out: [String: MetricValue] = [:]
        let rows = try c.query("""
            SELECT metric, numerator, denominator, value::float8 AS value FROM sik_metrics(\(units), \(from), \(to))
            """).rows + c.query("""
            SELECT metric, numerator, denominator, value::float8 AS value FROM sik_follow_up_metrics(\(units), \(from), \(to))
            """).rows
        for row in rows {
            out[try row.decode(String.self, "metric")] = MetricValue(
                numerator: try row.decodeIfPresent(Int64.self, "numerator"),
                denominator: try row.decodeIfPresent(Int64.self, "denominator"),
                value: try row.decodeIfPresent(Double.self, "value"))
        }
        return out
    }

    static func breakdown(_ c: Connection, units: [String], from: Date, to: Date) throws -> [Count] {
        try c.query("""
            SELECT dimension, key, count FROM sik_breakdown(\(units), \(from), \(to)) ORDER BY dimension, key
            """).rows.map { Count(dimension: try $0.decode(String.self, "dimension"), key: try $0.decode(String.self, "key"),
                                  count: try $0.decode(Int64.self, "count")) }
    }
}
