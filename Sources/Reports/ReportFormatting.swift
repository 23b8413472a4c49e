import Foundation
public import VaktloggCore
import VaktloggText

/// How numbers are written in the human formats (text, Markdown, HTML): shares as percent with
/// their parts, durations in seconds, minutes or days, a decimal comma in bokmål.
public enum ReportFormatting {
    /// A value as a reader sees it, or the catalogue's "no data".
    public static func value(_ v: MetricValue, _ metric: SIKMetric, _ language: Language) -> String {
        guard let n = v.number(metric.kind) else { return ReportText.noData(language) }
        switch metric.kind {
        case .count: return String(Int64(n))
        case .share: return "\(decimal(n * 100, 1, language)) % (\(v.numerator ?? 0)/\(v.denominator ?? 0))"
        case .ratio: return "\(decimal(n, 2, language)) (\(v.numerator ?? 0)/\(v.denominator ?? 0))"
        case .seconds: return duration(n, language)
        }
    }

    /// The target, e.g. `≥ 90 %`, `≤ 5 min`, or a dash.
    public static func target(_ metric: SIKMetric, _ language: Language) -> String {
        func show(_ x: Double) -> String {
            switch metric.kind {
            case .share: "\(decimal(x * 100, 0, language)) %"
            case .seconds: duration(x, language)
            case .count: String(Int64(x))
            case .ratio: decimal(x, 2, language)
            }
        }
        switch metric.target {
        case .none: return ReportText.noTarget(language)
        case .atLeast(let x): return "≥ \(show(x))"
        case .atMost(let x): return "≤ \(show(x))"
        }
    }

    static func duration(_ seconds: Double, _ language: Language) -> String {
        if seconds >= 86400 { return "\(decimal(seconds / 86400, 1, language)) d" }
        if seconds >= 120 { return "\(decimal(seconds / 60, 1, language)) min" }
        return "\(decimal(seconds, 0, language)) s"
    }

    static func decimal(_ x: Double, _ places: Int, _ language: Language) -> String {
        // Bokmål writes a decimal comma; the choice is the catalogue's, not the renderer's.
        String(format: "%.\(places)f", x).replacingOccurrences(of: ".", with: ReportText.decimalSeparator(language))
    }

    /// A main-rule departure on one line, and its justification.
    public static func departure(_ d: SIKReport.Departure, _ language: Language) -> (line: String, justification: String) {
        (ReportText.departure(d.measureID, d.type, d.restrictiveness, OsloTime.format(d.decidedAt),
                              d.rules.joined(separator: ", "))(language),
         ReportText.justificationLabel(language) + ": " + d.justification)
    }

    /// A period as `2026-10-01–2026-10-31`.
    public static func period(_ p: ReportPeriod) -> String { "\(p.first)–\(p.last)" }

    /// The scope's code.
    public static func scope(_ s: SIKReport.Scope) -> String {
        switch s {
        case .unit(let c), .region(let c): c
        }
    }

    /// A count's key in words where the catalogue has them (buckets, tiers stay codes).
    static func key(_ count: SIKReport.Count, _ language: Language) -> String {
        count.dimension == "p1_ack_bucket" ? ReportText.bucket(count.key)(language) : count.key
    }
}
