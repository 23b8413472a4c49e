import VaktloggText
import VaktloggCore
/// The help overlay: a framed list of keys over the middle of the screen.
enum HelpView {
    static func draw(_ s: DashboardState, _ canvas: some Canvas) {
        let l = s.language
        // --readonly hides every action, in the help too.
        let actions: [(String, LocalizedText)] = s.readonly ? []
            : DashboardAction.allCases.map { (String($0.key), DashboardText.actionName($0.rawValue)) }
        let form = s.readonly ? [] : DashboardFormText.helpLines
        let overview = [(DashboardOverviewText.helpLine.key, DashboardOverviewText.helpLine.text)]
        let lines = DashboardText.helpLines + [(":", DashboardText.helpCommand)] + overview + form + actions
        let keyWidth = lines.map { TextWidth.of($0.0) }.max() ?? 0
        let body = lines.map { TextWidth.pad($0.0, to: keyWidth) + "  " + $0.1(l) }
        let inner = min(canvas.columns - 4, max(TextWidth.of(DashboardText.helpTitle(l)), body.map(TextWidth.of).max() ?? 0) + 2)
        let height = body.count + 2
        let left = max(0, (canvas.columns - inner - 2) / 2)
        let top = max(1, (canvas.rows - height) / 2)
        let title = " \(DashboardText.helpTitle(l)) "
        let rule = String(repeating: "─", count: max(0, inner - TextWidth.of(title)))
        canvas.draw("┌" + title + rule + "┐", row: top, column: left, style: .title)
        for (i, text) in body.enumerated() where top + 1 + i < canvas.rows - 1 {
            canvas.draw("│" + TextWidth.pad(" " + text, to: inner) + "│", row: top + 1 + i, column: left, style: .normal)
        }
        if top + height - 1 < canvas.rows - 1 {
            canvas.draw("└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, column: left, style: .title)
        }
    }
}
