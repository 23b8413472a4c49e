import VaktloggText
public import Foundation
public import VaktloggCore

/// The detail screen's lines for one entry at one width: built once per draw, and counted by the
/// reducer so scrolling stops at the last line.
public enum DetailDocument {
    /// One line and what it is.
    public struct Line: Hashable, Sendable {
        public var text: String
        public var style: CellStyle
    }

    /// The lines of `detail` wrapped to `width` cells.
    public static func lines(_ d: DashboardDetail, language l: Language, width: Int, now: Date) -> [Line] {
        typealias F = DashboardText.Field
        let e = d.entry
        var out: [Line] = []
        func field(_ parts: [(LocalizedText, String)]) {
            let text = parts.map { "\($0.0(l)): \($0.1)" }.joined(separator: " · ")
            out += TextWidth.wrap(text, to: width).map { Line(text: $0, style: .normal) }
        }
        func section(_ title: LocalizedText) {
            out.append(Line(text: "", style: .normal))
            out.append(Line(text: title(l), style: .section))
        }
        func indented(_ text: String, style: CellStyle = .normal) {
            out += TextWidth.wrap(text, to: max(1, width - 2)).map { Line(text: "  " + $0, style: style) }
        }
        field([(F.unit, e.unit), (F.status, DashboardText.status(e.status)(l)),
               (F.assignee, e.assignee ?? DashboardText.nobody(l))])
        field([(F.occurred, OsloClock.dayTime(e.occurredAt)), (F.recorded, OsloClock.dayTime(d.recordedAt))])
        field([(F.reporter, d.reporter ?? DashboardText.sealed(l))])
        field([(F.domain, d.domain), (F.interests, d.interests.isEmpty ? DashboardText.none(l) : d.interests.joined(separator: ", "))])
        field([(F.risk, "\(d.probability) × \(d.consequence)"), (F.rules, d.rulesVersion)])
        for a in d.attributes { field([(LocalizedText(nb: a.name, en: a.name), a.value)]) }

        section(F.text)
        indented(e.text)

        section(F.deadlines)
        if d.deadlines.isEmpty { indented(DashboardText.none(l)) }
        for deadline in d.deadlines {
            let late = deadline.due < now
            indented("\(deadline.name) \(OsloClock.dayTime(deadline.due))" + (late ? " \(DashboardText.overdue(l))" : ""),
                     style: late ? .overdue : .normal)
        }

        section(F.persons)
        if d.persons.isEmpty { indented(DashboardText.none(l)) }
        for p in d.persons { indented("\(p.ref) (\(p.role))") }

        section(F.history)
        if d.history.isEmpty { indented(DashboardText.none(l)) }
        for h in d.history {
            let who = h.actor ?? DashboardText.sealed(l)
            indented("\(OsloClock.dayTime(h.at)) \(who) \(h.what)" + (h.text.map { " – \($0)" } ?? ""))
        }
        return out
    }
}
