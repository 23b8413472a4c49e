import Foundation
public import VaktloggCore
import VaktloggText

/// One self-contained HTML file (no external assets, fonts or scripts; CSS inline) that prints on
/// A4, with inline SVG charts — each share against the previous period, deviations by category, the
/// P1 time-to-acknowledge distribution — each with a text alternative (`role="img"`, `<title>`,
/// `<desc>`) and the numbers in the tables beside them. Well-formed XML as well (void elements
/// self-closed), so a test reads it back with an XML parser rather than by searching strings.
public struct HTMLRenderer: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func render(_ report: SIKReport) -> String {
        let l = language
        let title = ReportText.title(ReportFormatting.scope(report.scope))(l)
        var h = """
        <!DOCTYPE html>
        <html lang="\(l.rawValue)"><head><meta charset="utf-8"/><title>\(Self.esc(title))</title>
        <style>
        @page { size: A4; margin: 15mm; }
        body { font-family: sans-serif; font-size: 10pt; color: #000; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
        th, td { border: 1px solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        td.n { text-align: right; white-space: nowrap; }
        .not_met { font-weight: bold; } section { page-break-inside: auto; } h2 { page-break-before: auto; }
        code { font-size: 8pt; }
        </style></head><body>
        <h1>\(Self.esc(title))</h1>
        <p>\(Self.esc(ReportText.periodLine(ReportFormatting.period(report.period), ReportFormatting.period(report.period.previous))(l)))<br/>
        \(Self.esc(ReportText.generated(OsloTime.format(report.generatedAt))(l)))</p>

        """
        if report.sections.isEmpty { h += "<p>\(Self.esc(ReportText.noUnits(l)))</p>\n" }
        for s in report.sections { h += section(s) }
        h += "</body></html>\n"
        return h
    }

    func section(_ s: SIKReport.Section) -> String {
        let l = language
        let heading = s.unit.map { "\(ReportText.unitHeading(l)) \($0)" } ?? ReportText.rollUp(l)
        var h = "<section><h2>\(Self.esc(heading))</h2>\n<table><thead><tr>"
        for c in [ReportText.columnMetric, ReportText.columnCurrent, ReportText.columnPrevious, ReportText.columnTarget,
                  ReportText.columnJudgement, ReportText.columnSource] { h += "<th>\(Self.esc(c(l)))</th>" }
        h += "</tr></thead><tbody>\n"
        for line in s.lines {
            let j = line.currentJudgement.rawValue
            h += "<tr class=\"\(j)\"><td>\(Self.esc(ReportText.metric(line.metric.code)(l)))</td>"
            h += "<td class=\"n\">\(Self.esc(ReportFormatting.value(line.current, line.metric, l)))</td>"
            h += "<td class=\"n\">\(Self.esc(ReportFormatting.value(line.previous, line.metric, l)))</td>"
            h += "<td class=\"n\">\(Self.esc(ReportFormatting.target(line.metric, l)))</td>"
            h += "<td>\(Self.esc(ReportText.judgement(j)(l)))</td><td><code>\(Self.esc(line.metric.source)) → \(line.metric.code)</code></td></tr>\n"
        }
        h += "</tbody></table>\n"
        if let ok = s.chainVerifies {
            h += "<p>\(Self.esc(ReportText.group(7)(l))): \(Self.esc((ok ? ReportText.chainVerifies : ReportText.chainBroken)(l))) <code>\(SIKReport.integritySource)</code></p>\n"
        }
        for g in SIKMetric.notYetRecordedGroups {
            h += "<p>\(Self.esc(ReportText.group(g)(l))): \(Self.esc(ReportText.notYetRecorded(l)))</p>\n"
        }
        h += "<h3>\(Self.esc(ReportText.overdueHeading(l)))</h3>\n"
        h += s.overdue.isEmpty ? "<p>\(Self.esc(ReportText.none(l)))</p>\n"
            : "<ul>" + s.overdue.map { "<li>\(Self.esc($0.ref)) \(Self.esc($0.category)) \(Self.esc(ReportText.due(OsloTime.format($0.closeDue))(l)))</li>" }.joined() + "</ul>\n"
        h += "<h3>\(Self.esc(ReportText.departuresHeading(l))) <code>\(SIKReport.departuresSource)</code></h3>\n"
        h += s.departures.isEmpty ? "<p>\(Self.esc(ReportText.none(l)))</p>\n"
            : "<ul>" + s.departures.map { d in
                let (line, why) = ReportFormatting.departure(d, l)
                return "<li>\(Self.esc(line))<br/>\(Self.esc(why))</li>"
            }.joined() + "</ul>\n"
        // Charts: shares now against the previous period, deviations by category, P1 distribution.
        let shares = s.lines.filter { $0.metric.kind == .share }
        h += chart(title: ReportText.columnCurrent(l) + " / " + ReportText.columnPrevious(l),
                   bars: shares.map { (ReportText.metric($0.metric.code)(l), $0.current.number(.share), $0.previous.number(.share)) },
                   percent: true)
        let cats = s.breakdown.filter { $0.dimension == "deviation_category" }
        h += chart(title: ReportText.dimension("deviation_category")(l),
                   bars: cats.map { ($0.key, Double($0.count), nil) }, percent: false)
        let buckets = s.breakdown.filter { $0.dimension == "p1_ack_bucket" }
        h += chart(title: ReportText.dimension("p1_ack_bucket")(l),
                   bars: buckets.map { (ReportText.bucket($0.key)(l), Double($0.count), nil) }, percent: false)
        return h + "</section>\n"
    }

    /// A horizontal bar chart; a missing value (no data) draws no bar and says so in the text.
    func chart(title: String, bars: [(String, Double?, Double?)], percent: Bool) -> String {
        let l = language
        guard !bars.isEmpty else { return "" }
        let scale = percent ? 1.0 : max(1, bars.map { max($0.1 ?? 0, $0.2 ?? 0) }.max() ?? 1)
        let rowH = 16, width = 640, labelW = 300, barW = Double(width - labelW - 80)
        let height = bars.count * rowH * 2 + 20
        func show(_ x: Double?) -> String {
            guard let x else { return ReportText.noData(l) }
            return percent ? "\(ReportFormatting.decimal(x * 100, 1, l)) %" : String(Int64(x))
        }
        let desc = bars.map { "\($0.0): \(show($0.1))" + ($0.2 == nil && !percent ? "" : " / \(show($0.2))") }.joined(separator: "; ")
        var svg = "<figure><svg role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        svg += "<title>\(Self.esc(title))</title><desc>\(Self.esc(desc))</desc>"
        for (i, bar) in bars.enumerated() {
            let y = 10 + i * rowH * 2
            svg += "<text x=\"0\" y=\"\(y + 11)\" font-size=\"9\">\(Self.esc(String(bar.0.prefix(55))))</text>"
            for (k, v) in [bar.1, bar.2].enumerated() where k == 0 || percent {
                let w = Int(((v ?? 0) / scale) * barW)
                let yy = y + k * rowH
                svg += "<rect x=\"\(labelW)\" y=\"\(yy + 2)\" width=\"\(w)\" height=\"\(rowH - 4)\" fill=\"\(k == 0 ? "#333" : "#aaa")\"/>"
                svg += "<text x=\"\(labelW + w + 4)\" y=\"\(yy + 12)\" font-size=\"9\">\(Self.esc(show(v)))</text>"
            }
        }
        svg += "</svg><figcaption>\(Self.esc(title)). \(Self.esc(ReportText.chartAlt(l)))</figcaption></figure>\n"
        return svg
    }

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
