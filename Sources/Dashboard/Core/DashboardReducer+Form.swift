import Foundation
import VaktloggCore
import VaktloggText

extension DashboardReducer {
    /// `n` opens the form (the kept draft when there is one), `N` a blank one; neither in --readonly.
    static func openForm(_ key: DashboardKey, _ s: inout DashboardState) -> Bool {
        guard !s.readonly, case .character(let c) = key, c == "n" || c == "N" else { return false }
        if c == "N" || s.form == nil { s.form = EntryForm() }
        s.formVisible = true
        return true
    }

    /// A key in the open form: Tab/Shift-Tab (↓/↑ on typed fields) move between fields, characters
    /// type or pick by type-ahead, ↑/↓ move among a picker's matches, Enter asks the rules and then
    /// to save, Esc closes the form and keeps the draft.
    static func formKey(_ key: DashboardKey, _ s: inout DashboardState) -> [DashboardEffect] {
        guard var f = s.form else { s.formVisible = false; return [] }
        defer { s.form = f }
        switch f.phase {
        case .judging, .saving:
            // Waiting for the rules or the database: keys wait too (Esc still closes, keeping it).
            if key == .escape { s.formVisible = false }
            return []
        case .confirming:
            switch key {
            case .character("j"), .character("J"), .character("y"), .character("Y"):
                f.phase = .saving
                return [.logEntry(f.validation(now: s.now, language: s.language).0)]
            case .character("n"), .character("N"), .escape, .backspace:
                f.phase = .editing
            default:
                break
            }
            return []
        case .editing:
            break
        }
        let units = s.viewer.units
        let fields = f.fields
        let index = fields.firstIndex(of: f.focus) ?? 0
        func move(_ by: Int) {
            commitQuery(&f, s)
            f.focus = fields[(index + by + fields.count) % fields.count]
            f.query = ""
            f.highlighted = 0
        }
        switch key {
        case .tab: move(1)
        case .backTab: move(-1)
        case .down where f.focus.isTyped: move(1)
        case .up where f.focus.isTyped: move(-1)
        case .up, .down:
            let matches = EntryForm.matches(f.query, in: f.options(f.focus, language: s.language, units: units))
            guard !matches.isEmpty else { return [] }
            let current = f.query.isEmpty ? matches.firstIndex { $0.code == f.value(f.focus) } : f.highlighted
            let next = current.map { key == .down ? $0 + 1 : $0 - 1 } ?? 0
            f.highlighted = min(max(next, 0), matches.count - 1)
            set(&f, f.focus, matches[f.highlighted].code)
        case .character(let c):
            if f.focus.isTyped {
                f.values[f.focus, default: ""].append(c)
                f.errors[f.focus] = nil
            } else {
                f.query.append(c)
                f.highlighted = 0
                pickFirstMatch(&f, s)
            }
        case .backspace:
            if f.focus.isTyped {
                if !f.value(f.focus).isEmpty { f.values[f.focus]?.removeLast() }
            } else if !f.query.isEmpty {
                f.query.removeLast()
                f.highlighted = 0
                if !f.query.isEmpty { pickFirstMatch(&f, s) }
            } else if f.focus != .kind && f.focus != .personRole {
                // An empty query: Backspace empties the field (kind and role always have a value).
                set(&f, f.focus, "")
            }
        case .enter:
            commitQuery(&f, s)
            let (draft, errors) = f.validation(now: s.now, language: s.language)
            f.errors = errors
            if let field = f.firstErrorField, let message = errors[field] {
                f.focus = field
                s.message = DashboardFormText.fieldRefused(field: DashboardFormText.fieldName(field.rawValue), message: message)(s.language)
                return []
            }
            f.phase = .judging
            return [.judgeDraft(draft)]
        case .escape:
            commitQuery(&f, s)
            s.formVisible = false
            s.message = DashboardFormText.draftKept(s.language)
            s.messageIsError = false
        default:
            break
        }
        return []
    }

    /// Sets a field, clearing its refusal; a new kind empties the category and the kind's own fields.
    static func set(_ f: inout EntryForm, _ field: FormField, _ value: String) {
        if field == .kind {
            // The kind lives in `kind`, not among the values.
            guard value != f.kind.rawValue, let kind = EntryKind(rawValue: value) else { return }
            f.kind = kind
            for stale in [FormField.category, .target, .workingHours, .source, .reliability, .credibility] {
                f.values[stale] = nil
                f.errors[stale] = nil
            }
            f.errors[.kind] = nil
            return
        }
        f.values[field] = value.isEmpty ? nil : value
        f.errors[field] = nil
    }

    /// The type-ahead's best match becomes the value as it is typed.
    static func pickFirstMatch(_ f: inout EntryForm, _ s: DashboardState) {
        let matches = EntryForm.matches(f.query, in: f.options(f.focus, language: s.language, units: s.viewer.units))
        if let first = matches.first { set(&f, f.focus, first.code) }
    }

    /// Leaving a picker: a query that matched nothing is dropped (the value stays as it was), and
    /// the unit field also takes a code typed in full that is not among the offered units.
    static func commitQuery(_ f: inout EntryForm, _ s: DashboardState) {
        defer { f.query = ""; f.highlighted = 0 }
        guard !f.query.isEmpty, !f.focus.isTyped else { return }
        let matches = EntryForm.matches(f.query, in: f.options(f.focus, language: s.language, units: s.viewer.units))
        if matches.isEmpty, f.focus == .unit { set(&f, .unit, f.query.uppercased()) }
    }

    /// What the loop answers about the form: the judgement, a stored or spooled entry, a refusal.
    static func formResult(_ event: DashboardEvent, _ s: inout DashboardState) -> [DashboardEffect] {
        switch event {
        case .draftJudged(let judgement, let draft):
            guard var f = s.form, f.phase == .judging else { return [] }
            f.reportedAt = draft.reportedAt
            f.idempotencyKey = draft.idempotencyKey
            f.phase = .confirming(judgement)
            s.form = f
        case .entryLogged(let id, let ref, let priority, let alreadyStored, let at):
            s.form = nil
            s.formVisible = false
            s.message = (alreadyStored ? DashboardFormText.alreadyStored(ref: ref) : DashboardFormText.logged(ref: ref, priority: priority.rawValue))(s.language)
            s.messageIsError = false
            s.lastGoodRead = at
            // The new entry is selected once the queue is read again.
            s.selectedID = id
            s.screen = .queue
            return [.reloadQueue, .countSpool]
        case .entrySpooled(let reason):
            s.form = nil
            s.formVisible = false
            s.message = DashboardFormText.spooled(reason: reason)(s.language)
            s.messageIsError = true
            return [.countSpool]
        case .entryRefused(let field, let message):
            guard var f = s.form else { return [] }
            f.phase = .editing
            let target = field.flatMap(FormField.forDraftField)
            if let target {
                f.errors[target] = message
                f.focus = target
            }
            s.form = f
            s.formVisible = true
            let name = target.map { DashboardFormText.fieldName($0.rawValue) }
            s.message = name.map { DashboardFormText.fieldRefused(field: $0, message: message)(s.language) } ?? message
            s.messageIsError = true
        default:
            break
        }
        return []
    }
}
