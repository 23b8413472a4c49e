import Foundation
import VaktloggCore

/// CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break), one
/// row per metric per unit (the roll-up's `unit` is empty). Codes, not labels, so a spreadsheet or
/// script reads it the same in both languages; a share's value is the fraction 0…1, empty for no data.
public struct CSVRenderer: Sendable {
    public init() {}

    /// The header row's fields.
    public static let header = ["scope", "unit", "group", "metric", "kind", "from", "to",
                                "numerator", "denominator", "value", "judgement",
                                "previous_numerator", "previous_denominator", "previous_value", "previous_judgement",
                                "target", "source"]

    public func render(_ report: SIKReport) -> String {
        var rows = [Self.header]
        for section in report.sections {
            for line in section.lines {
                rows.append([ReportFormatting.scope(report.scope), section.unit ?? "", String(line.metric.group),
                             line.metric.code, line.metric.kind.rawValue,
                             report.period.first.description, report.period.last.description,
                             line.current.numerator.map(String.init) ?? "", line.current.denominator.map(String.init) ?? "",
                             Self.number(line.current.number(line.metric.kind)), line.currentJudgement.rawValue,
                             line.previous.numerator.map(String.init) ?? "", line.previous.denominator.map(String.init) ?? "",
                             Self.number(line.previous.number(line.metric.kind)), line.previousJudgement.rawValue,
                             Self.target(line.metric.target), line.metric.source])
            }
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func number(_ x: Double?) -> String {
        guard let x else { return "" }
        return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    static func target(_ t: SIKMetric.Target) -> String {
        switch t {
        case .none: ""
        case .atLeast(let x): ">=" + number(x)
        case .atMost(let x): "<=" + number(x)
        }
    }

    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
