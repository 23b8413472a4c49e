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
        let interests = d.interests.map { HistoryWords.value("interests", $0, l) }
        field([(F.domain, HistoryWords.value("domain", d.domain, l)),
               (F.interests, interests.isEmpty ? DashboardText.none(l) : interests.joined(separator: ", "))])
        field([(F.risk, "\(d.probability) × \(d.consequence)"), (F.rules, d.rulesVersion)])
        for a in d.attributes { field([(EntryText.field(a.name), HistoryWords.value(a.name, a.value, l))]) }

        section(F.text)
        indented(e.text)
        if d.amendmentCount > 0 || d.originalText != e.text {
            // The current state first, then what it was before it was corrected (the why is under
            // the amendments).
            out.append(Line(text: " " + EntryText.originalText(l), style: .header))
            indented(d.originalText)
        }

        section(F.deadlines)
        if d.deadlines.isEmpty { indented(DashboardText.none(l)) }
        for deadline in d.deadlines {
            let late = deadline.due < now
            let seconds = Int(abs(deadline.due.timeIntervalSince(now)))
            let left = DashboardText.age(seconds: seconds)(l)
            let when = late ? DashboardDetailText.overdueBy(left) : DashboardDetailText.timeLeft(left)
            indented("\(EventText.deadline(deadline.name)(l)) \(OsloClock.dayTime(deadline.due)) \(when(l))",
                     style: late ? .overdue : .normal)
        }

        section(F.persons)
        if d.persons.isEmpty { indented(DashboardText.none(l)) }
        for p in d.persons {
            let role = PersonRole(rawValue: p.role)?.label(l) ?? p.role
            indented("\(p.ref) (\(role))")
        }

        func who(_ h: DashboardDetail.HistoryItem) -> String { h.actor ?? DashboardText.sealed(l) }
        func rows(_ what: Set<String>) -> [DashboardDetail.HistoryItem] { d.history.filter { what.contains($0.what) } }
        let amendments = rows(["amendment"]), measures = rows(["measure"]), decisions = rows(["decision"])
        let escalations = rows(["escalated"])
        if !amendments.isEmpty {
            section(DashboardDetailText.amendments)
            for h in amendments {
                let changes = h.data.map { HistoryWords.fields($0, l) } ?? ""
                indented("\(OsloClock.dayTime(h.at)) \(who(h)): \(changes)")
                if let why = h.text { indented("  " + DashboardDetailText.because(why)(l)) }
            }
        }
        if !measures.isEmpty {
            section(DashboardDetailText.measures)
            for h in measures {
                let what = h.text.map { HistoryWords.value("type", $0, l) } ?? ""
                indented("\(OsloClock.dayTime(h.at)) \(who(h)): \(what)")
                if let data = h.data { indented("  " + HistoryWords.fields(data, l)) }
            }
        }
        if !decisions.isEmpty {
            section(DashboardDetailText.decisions)
            for h in decisions {
                indented("\(OsloClock.dayTime(h.at)) \(who(h)): \(h.text ?? "")")
                if let data = h.data { indented("  " + HistoryWords.fields(data, l)) }
            }
        }
        if !escalations.isEmpty {
            section(DashboardDetailText.escalations)
            for h in escalations {
                let told = h.data.flatMap(HistoryWords.escalation).map { EscalationText.escalation(deadline: $0.deadline, due: $0.due)(l) }
                indented("\(OsloClock.dayTime(h.at)) " + (told ?? EventText.label(h.what)(l)))
            }
        }

        section(F.history)
        if d.history.isEmpty { indented(DashboardText.none(l)) }
        for h in d.history {
            var line = "\(OsloClock.dayTime(h.at)) \(who(h)) \(EventText.label(h.what)(l))"
            if let a = h.assignee { line += " → \(a)" }
            if let text = h.text { line += " – " + (h.what == "measure" ? HistoryWords.value("type", text, l) : text) }
            indented(line)
        }

        if !d.trace.isEmpty {
            section(EntryText.ruleJudgement(d.rulesVersion))
            for sentence in TraceWords.lines(d.trace, language: l) { indented("• " + sentence) }
        }
        return out
    }
}
