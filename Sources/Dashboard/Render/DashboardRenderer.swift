import Foundation
import VaktloggText
import VaktloggCore

/// Draws a ``DashboardState`` onto a ``Canvas``: status bar, the screen in front, the hint bar and
/// the help overlay. Draws only from the state, so what a test renders into a ``GridCanvas`` is
/// exactly what the terminal shows.
public enum DashboardRenderer {
    public static func draw(_ s: DashboardState, on canvas: some Canvas) {
        canvas.clear()
        guard canvas.rows >= 3, canvas.columns >= 10 else {
            canvas.draw(DashboardText.appName(s.language), row: 0, column: 0, style: .normal)
            return
        }
        statusBar(s, canvas)
        switch s.screen {
        case .queue: QueueView.draw(s, canvas)
        case .detail: DetailView.draw(s, canvas)
        case .overview: OverviewView.draw(s, canvas)
        }
        if s.formVisible { FormView.draw(s, canvas) }
        judgementLines(s, canvas)
        hintBar(s, canvas)
        if s.helpVisible { HelpView.draw(s, canvas) }
    }

    /// Row 0: who, role, connection state, units; the Oslo clock at the right. The connection comes
    /// before the units so a narrow screen cuts the unit list, never the stale mark.
    static func statusBar(_ s: DashboardState, _ canvas: some Canvas) {
        let l = s.language
        let clock = OsloClock.time(s.now)
        let units = s.viewer.units.isEmpty ? DashboardText.allUnits(l) : s.viewer.units.joined(separator: ",")
        let role = s.viewer.role.isEmpty ? "" : " (\(DashboardText.role(s.viewer.role)(l)))"
        let left = " \(DashboardText.appName(l)) │ \(s.viewer.name)\(role) │ "
        canvas.bar("", row: 0, style: .statusBar)
        let room = canvas.columns - TextWidth.of(clock) - 2
        canvas.draw(TextWidth.truncate(left, to: room), row: 0, column: 0, style: .statusBar)
        let connection: (String, CellStyle)
        switch s.connection {
        case .connected:
            connection = ("● " + DashboardText.connected(l), .statusBar)
        case .lost(_, let lastRead):
            connection = ("✖ " + DashboardText.stale(lastRead: lastRead.map(OsloClock.timeWithSeconds))(l), .stale)
        }
        var at = min(TextWidth.of(left), room)
        let shown = TextWidth.truncate(connection.0, to: max(0, room - at))
        canvas.draw(shown, row: 0, column: at, style: connection.1)
        at += TextWidth.of(shown)
        if s.spoolCount > 0 {
            // Entries logged while the database was away: shown until `vaktlogg sync` delivers them.
            let spooled = TextWidth.truncate(" │ " + DashboardFormText.spoolWaiting(s.spoolCount)(l), to: max(0, room - at))
            canvas.draw(spooled, row: 0, column: at, style: .stale)
            at += TextWidth.of(spooled)
        }
        canvas.draw(TextWidth.truncate(" │ " + units, to: max(0, room - at)), row: 0, column: at, style: .statusBar)
        canvas.draw(clock, row: 0, column: canvas.columns - TextWidth.of(clock) - 1, style: .statusBar)
    }

    /// The last row: a refused read's message, else the keys of what is in front.
    static func hintBar(_ s: DashboardState, _ canvas: some Canvas) {
        let l = s.language
        let text: String
        var confirmingForm = false
        if let prompt = s.prompt {
            text = promptLine(prompt, l)
        } else if s.formVisible, case .confirming = s.form?.phase {
            text = DashboardFormText.hintConfirm(l)
            confirmingForm = true
        } else if let message = s.message {
            text = message
        } else if s.helpVisible {
            text = DashboardText.hintHelp(l)
        } else if s.formVisible {
            text = DashboardFormText.hintForm(l)
        } else if s.filterEditing {
            text = DashboardText.hintFilter(l)
        } else if s.commandEditing {
            text = DashboardText.hintCommand(l)
        } else if s.screen == .overview {
            text = DashboardOverviewText.hint(l)
        } else if case .detail = s.screen {
            text = s.readonly ? DashboardText.hintDetail(l) : DashboardText.hintActions(l)
        } else {
            text = DashboardText.hintQueue(l) + (s.readonly ? "" : " · " + DashboardFormText.hintNew(l))
        }
        let alarm = confirmingForm || s.prompt?.confirming == true || (s.prompt == nil && s.message != nil && s.messageIsError)
        canvas.bar(" " + text, row: canvas.rows - 1, style: alarm ? .stale : .hint)
    }

    /// The action being typed (value and cursor) or the question before it is recorded.
    static func promptLine(_ p: DashboardPrompt, _ l: Language) -> String {
        let action = DashboardText.actionName(p.action.rawValue)
        guard let field = p.field else {
            // Picked values by their labels, not their codes.
            let shown = zip(p.action.fields, p.values).map { f, v in f.match(v, l)?.label ?? v }.filter { !$0.isEmpty }
            return DashboardText.promptConfirm(ref: p.ref, action: action, summary: shown.joined(separator: " · "))(l)
        }
        let typed = p.values.last ?? ""
        let match = field.match(typed, l).map { DashboardText.matchShown($0.label)(l) } ?? ""
        return DashboardText.promptTyping(ref: p.ref, action: action, field: DashboardText.fieldLabel(field.rawValue),
                                          value: typed + match)(l)
    }

    /// A judged action's judgement, on the rows above the hint bar, while it is being confirmed.
    static func judgementLines(_ s: DashboardState, _ canvas: some Canvas) {
        guard let lines = s.prompt?.judgement, !lines.isEmpty else { return }
        let shown = lines.suffix(max(1, canvas.rows - 3))
        for (i, line) in shown.enumerated() {
            canvas.bar(" " + line, row: canvas.rows - 1 - shown.count + i, style: .section)
        }
    }
}
