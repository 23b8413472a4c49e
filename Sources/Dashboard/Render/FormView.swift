import Foundation
import Rules
import VaktloggText
import VaktloggCore

/// The new-entry form over the body: one line per field (the focused one marked), each refusal
/// beside its field, then the focused picker's allowed values, or the rules' judgement before saving.
enum FormView {
    static func draw(_ s: DashboardState, _ canvas: some Canvas) {
        guard let f = s.form else { return }
        let l = s.language
        let units = s.viewer.units
        for row in 1..<(canvas.rows - 1) { canvas.bar("", row: row, style: .normal) }
        canvas.bar(" " + DashboardFormText.formTitle(l) + " · " + DashboardText.kind(f.kind)(l), row: 1, style: .title)
        let fields = f.fields
        let labelWidth = fields.map { TextWidth.of(DashboardFormText.fieldName($0.rawValue)(l)) }.max() ?? 0
        let editing = f.phase == .editing
        var row = 2
        for field in fields where row < canvas.rows - 1 {
            let focused = editing && field == f.focus
            var value = f.shownValue(field, language: l, units: units)
            if value.isEmpty, !focused || !field.isTyped { value = DashboardFormText.placeholder(field.rawValue)?(l) ?? "" }
            if focused && field.isTyped { value += "█" }
            if focused && !f.query.isEmpty { value += "   «\(f.query)»" }
            let label = TextWidth.pad(DashboardFormText.fieldName(field.rawValue)(l), to: labelWidth)
            let line = " \(focused ? "▸" : " ") \(label)  \(value)"
            canvas.bar(line, row: row, style: focused ? .selected : .normal)
            if let error = f.errors[field] {
                let at = min(canvas.columns, TextWidth.of(line) + 2)
                canvas.draw("✖ " + error, row: row, column: at, style: .overdue)
            }
            row += 1
        }
        row += 1
        switch f.phase {
        case .confirming(let j): judgement(j, s, canvas, from: row)
        case .judging: canvas.draw(" " + DashboardFormText.judging(l), row: row, column: 0, style: .normal)
        case .saving: canvas.draw(" " + DashboardFormText.saving(l), row: row, column: 0, style: .normal)
        case .editing: options(f, s, canvas, from: row)
        }
    }

    /// The focused picker's matches in as many columns as fit, the current value marked.
    static func options(_ f: EntryForm, _ s: DashboardState, _ canvas: some Canvas, from first: Int) {
        guard !f.focus.isTyped, first < canvas.rows - 1 else { return }
        let l = s.language
        let matches = EntryForm.matches(f.query, in: f.options(f.focus, language: l, units: s.viewer.units))
        guard !matches.isEmpty else {
            canvas.draw(" " + DashboardFormText.noMatch(f.query)(l), row: first, column: 0, style: .overdue)
            return
        }
        canvas.draw(" " + DashboardFormText.allowedValues(l), row: first, column: 0, style: .section)
        let width = min(canvas.columns - 2, (matches.map { TextWidth.of($0.label) }.max() ?? 1) + 3)
        let columns = max(1, (canvas.columns - 1) / width)
        let rows = max(0, canvas.rows - 2 - first)
        for (i, option) in matches.prefix(rows * columns).enumerated() {
            let current = option.code == f.value(f.focus)
            canvas.draw(TextWidth.pad(" " + option.label, to: width - 1), row: first + 1 + i % rows,
                        column: 1 + (i / rows) * width, style: current ? .selected : .normal)
        }
    }

    /// What the rules concluded, before the officer confirms: priority, risk, deadlines with time left.
    static func judgement(_ j: FormJudgement, _ s: DashboardState, _ canvas: some Canvas, from first: Int) {
        let l = s.language
        var lines: [(String, CellStyle)] = [(DashboardFormText.judgementTitle(version: j.rulesVersion)(l), .section)]
        let interests = j.interests.map { $0.label(l) }.joined(separator: ", ")
        lines.append((DashboardFormText.judgedPriority(j.priority.rawValue, interests: interests)(l), j.priority == .p1 ? .urgent : .normal))
        lines.append((DashboardFormText.judgedRisk(score: j.riskScore, band: j.band.label(l))(l), .normal))
        for d in j.deadlines {
            let name = DeadlineKind(rawValue: d.code)?.label(l) ?? d.code
            let left = DashboardText.age(seconds: Int(d.due.timeIntervalSince(s.now)))(l)
            lines.append((DashboardFormText.judgedDeadline(name, due: OsloClock.dayTime(d.due), left: left)(l), .normal))
        }
        lines += j.actions.map { ("· " + $0, .normal) }
        let width = max(1, canvas.columns - 2)
        var row = first
        for (text, style) in lines {
            for part in TextWidth.wrap(text, to: width) where row < canvas.rows - 1 {
                canvas.draw(" " + part, row: row, column: 0, style: style)
                row += 1
            }
        }
    }
}
