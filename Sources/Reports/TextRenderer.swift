import Foundation
public import VaktloggCore
import VaktloggText

/// Aligned terminal text; with `markdown` the same content as Markdown tables.
public struct TextRenderer: Sendable {
    public let language: Language
    public let markdown: Bool

    public init(language: Language, markdown: Bool = false) {
        self.language = language
        self.markdown = markdown
    }

    public func render(_ report: SIKReport) -> String {
        let l = language
        var out: [String] = []
        out.append((markdown ? "# " : "") + ReportText.title(ReportFormatting.scope(report.scope))(l))
        out.append(ReportText.periodLine(ReportFormatting.period(report.period), ReportFormatting.period(report.period.previous))(l))
        out.append(ReportText.generated(OsloTime.format(report.generatedAt))(l))
        if report.sections.isEmpty { out.append(""); out.append(ReportText.noUnits(l)) }
        for section in report.sections {
            out.append("")
            let heading = section.unit.map { "\(ReportText.unitHeading(l)) \($0)" } ?? ReportText.rollUp(l)
            out.append(markdown ? "## \(heading)" : heading)
            out.append(markdown ? "" : String(repeating: "=", count: heading.count))
            out.append(contentsOf: table(section))
            out.append("")
            out.append((markdown ? "### " : "") + ReportText.group(7)(l) + ": " + integrity(section))
            for g in SIKMetric.notYetRecordedGroups {
                out.append((markdown ? "### " : "") + ReportText.group(g)(l) + ": " + ReportText.notYetRecorded(l))
            }
            out.append("")
            out.append((markdown ? "### " : "") + ReportText.overdueHeading(l))
            if section.overdue.isEmpty { out.append(ReportText.none(l)) }
            for o in section.overdue {
                out.append((markdown ? "- " : "  ") + "\(o.ref) \(o.category) \(ReportText.due(OsloTime.format(o.closeDue))(l))")
            }
            out.append("")
            out.append((markdown ? "### " : "") + ReportText.departuresHeading(l))
            if section.departures.isEmpty { out.append(ReportText.none(l)) }
            for d in section.departures {
                let (line, why) = ReportFormatting.departure(d, l)
                out.append((markdown ? "- " : "  ") + line + " (\(SIKReport.departuresSource))")
                out.append((markdown ? "  " : "    ") + why)
            }
            for dim in ["deviation_domain", "deviation_category", "recurring_category", "incident_category", "incident_tier", "p1_ack_bucket"] {
                let rows = section.breakdown.filter { $0.dimension == dim }
                out.append("")
                out.append((markdown ? "### " : "") + ReportText.dimension(dim)(l))
                if rows.isEmpty { out.append(ReportText.none(l)) }
                for r in rows { out.append((markdown ? "- " : "  ") + "\(ReportFormatting.key(r, l)): \(r.count)") }
            }
            out.append("")
            out.append((markdown ? "### " : "") + ReportText.dimension("reporter_role")(l))
            if section.reporterRoles.isEmpty { out.append(ReportText.none(l)) }
            for r in section.reporterRoles { out.append((markdown ? "- " : "  ") + "\(r.key): \(r.count)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func integrity(_ section: SIKReport.Section) -> String {
        guard let ok = section.chainVerifies else { return ReportText.noTarget(language) }
        return (ok ? ReportText.chainVerifies : ReportText.chainBroken)(language) + " (\(SIKReport.integritySource))"
    }

    func table(_ section: SIKReport.Section) -> [String] {
        let l = language
        let head = [ReportText.columnMetric(l), ReportText.columnCurrent(l), ReportText.columnPrevious(l),
                    ReportText.columnTarget(l), ReportText.columnJudgement(l), ReportText.columnSource(l)]
        var rows: [[String]] = []
        var lastGroup = 0
        for line in section.lines {
            if line.metric.group != lastGroup, !markdown {
                rows.append([ReportText.group(line.metric.group)(l), "", "", "", "", ""])
                lastGroup = line.metric.group
            }
            rows.append([(markdown ? "" : "  ") + ReportText.metric(line.metric.code)(l),
                         ReportFormatting.value(line.current, line.metric, l),
                         ReportFormatting.value(line.previous, line.metric, l),
                         ReportFormatting.target(line.metric, l),
                         ReportText.judgement(line.currentJudgement.rawValue)(l),
                         "\(line.metric.source) → \(line.metric.code)"])
        }
        if markdown {
            func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
            return ["| " + head.map(esc).joined(separator: " | ") + " |",
                    "|" + String(repeating: " --- |", count: head.count)]
                + rows.map { "| " + $0.map(esc).joined(separator: " | ") + " |" }
        }
        let widths = (0..<head.count).map { i in ([head] + rows).map { $0[i].count }.max() ?? 0 }
        func pad(_ r: [String]) -> String {
            r.enumerated().map { i, s in i == r.count - 1 ? s : s + String(repeating: " ", count: widths[i] - s.count) }
                .joined(separator: "  ")
        }
        return [pad(head), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(pad)
    }
}
