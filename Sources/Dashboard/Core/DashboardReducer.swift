public import Foundation
import VaktloggCore
import VaktloggText

/// The dashboard's one decision point: `(state, event) → (state, effects)`. Pure: no terminal,
/// no database, no clock (time arrives in events), so every key can be tested by value.
public enum DashboardReducer {
    /// The state after `event`, and what the loop must do because of it.
    public static func reduce(_ state: DashboardState, _ event: DashboardEvent) -> (DashboardState, [DashboardEffect]) {
        var s = state
        var effects: [DashboardEffect] = []
        switch event {
        case .key(let key):
            s.flashing = []
            s.message = nil
            s.messageIsError = true
            effects = Self.key(key, &s)
        case .queueLoaded(let entries, let at):
            // A P1 that was not in the last read rings the bell (not on the first read, not --quiet).
            let known = Set(s.entries.map(\.id))
            let newP1 = s.queueLoading || s.quiet ? [] : entries.filter { $0.priority == .p1 && !known.contains($0.id) }.map(\.id)
            s.flashing = Set(newP1)
            if !newP1.isEmpty { effects = [.bell] }
            s.queueLoading = false
            s.replaceQueue(entries)
            s.lastGoodRead = at
            s.connection = .connected
        case .detailLoaded(let detail, let at):
            // A late answer for an entry the user has already left is kept for Tab; the renderer
            // shows a detail only under the screen of its own ref.
            s.detail = detail
            s.lastGoodRead = at
            s.connection = .connected
            s.clampDetailScroll()
        case .actionDone(let request, let at):
            s.message = DashboardText.actionDone(request.action.rawValue, ref: request.ref)(s.language)
            s.messageIsError = false
            s.lastGoodRead = at
            effects = Self.rereadEverything(s)
        case .actionJudged(let request, let lines):
            Self.actionJudged(request, lines, &s)
        case .loadFailed(let ref, let message):
            // A judged action whose judgement failed is dropped with the reason.
            if s.prompt?.judging == true { s.prompt = nil }
            s.message = message
            s.messageIsError = true
            if let ref, case .detail(let shown) = s.screen, shown == ref, s.detail?.entry.ref != ref {
                s.screen = .queue
            }
        case .draftJudged, .entryLogged, .entrySpooled, .entryRefused:
            effects = Self.formResult(event, &s)
        case .spoolCounted(let count):
            s.spoolCount = count
        case .connectionLost(let at):
            if case .connected = s.connection {
                s.connection = .lost(since: at, lastGoodRead: s.lastGoodRead)
            }
        case .connectionRegained:
            s.connection = .connected
            // Whatever was spooled meanwhile may have been delivered (`vaktlogg sync`): count again.
            effects = Self.rereadEverything(s) + [.countSpool]
        case .changeHinted:
            effects = Self.rereadEverything(s) + [.countSpool]
        case .tick(let now):
            s.now = now
            s.flashing = []
            // The spool is counted on each tick: `vaktlogg sync` in another shell empties it.
            effects = [.countSpool]
            if case .lost = s.connection { effects.append(.reconnect) }
        case .resize(let rows, let columns):
            s.rows = max(1, rows)
            s.columns = max(1, columns)
            s.keepSelectionInView()
            s.clampDetailScroll()
        }
        return (s, effects)
    }

    /// What a hint or a new connection re-reads: the queue, and the open entry.
    static func rereadEverything(_ s: DashboardState) -> [DashboardEffect] {
        if case .detail(let ref) = s.screen { return [.reloadQueue, .openDetail(ref: ref)] }
        return [.reloadQueue]
    }

    static func key(_ key: DashboardKey, _ s: inout DashboardState) -> [DashboardEffect] {
        if s.helpVisible {
            // Help is modal: it closes on ?, Esc or q (q closes help, not the dashboard, as in htop).
            if key == .character("?") || key == .escape || key == .character("q") { s.helpVisible = false }
            return []
        }
        if s.filterEditing { return filterKey(key, &s) }
        if s.commandEditing { return commandKey(key, &s) }
        if s.prompt != nil { return promptKey(key, &s) }
        if s.formVisible { return formKey(key, &s) }
        switch key {
        case .character("?"):
            s.helpVisible = true
            return []
        case .character("q"):
            return [.quit]
        default:
            break
        }
        switch s.screen {
        case .queue:
            if openForm(key, &s) { return [] }
            if let entry = s.selectedEntry, startAction(key, ref: entry.ref, &s) { return [] }
            return queueKey(key, &s)
        case .overview:
            if openForm(key, &s) { return [] }
            // v, Esc, Tab and ← go back to the queue; the rest of the keys wait there.
            if [.character("v"), .escape, .tab, .left].contains(key) { s.screen = .queue }
            return []
        case .detail(let ref):
            if openForm(key, &s) { return [] }
            if startAction(key, ref: ref, &s) { return [] }
            return detailKey(key, &s)
        }
    }

    /// Typing the filter: characters narrow the queue as they are typed, Enter keeps the filter,
    /// Esc clears it.
    static func filterKey(_ key: DashboardKey, _ s: inout DashboardState) -> [DashboardEffect] {
        switch key {
        case .character(let c):
            s.filter.append(c)
        case .backspace:
            if !s.filter.isEmpty { s.filter.removeLast() }
        case .enter:
            s.filterEditing = false
        case .escape:
            s.filterEditing = false
            s.filter = ""
        default:
            return []
        }
        s.select(index: s.selectedIndex ?? 0)
        return []
    }

    /// Typing a `:` command: Enter applies it (or says it is unknown), Esc drops it.
    static func commandKey(_ key: DashboardKey, _ s: inout DashboardState) -> [DashboardEffect] {
        switch key {
        case .character(let c):
            s.command.append(c)
        case .backspace:
            if s.command.isEmpty { s.commandEditing = false } else { s.command.removeLast() }
        case .enter:
            s.commandEditing = false
            let line = s.command.trimmingCharacters(in: .whitespaces)
            if let applied = s.facets.applying(line, language: s.language) {
                s.facets = applied
                s.select(index: s.selectedIndex ?? 0)
            } else {
                s.message = DashboardText.unknownCommand(line)(s.language)
            }
        case .escape:
            s.commandEditing = false
        default:
            break
        }
        return []
    }

    static func queueKey(_ key: DashboardKey, _ s: inout DashboardState) -> [DashboardEffect] {
        let page = DashboardLayout.queueBodyRows(s.rows)
        let index = s.selectedIndex ?? 0
        switch key {
        case .up, .character("k"): s.select(index: index - 1)
        case .down, .character("j"): s.select(index: index + 1)
        case .pageUp: s.select(index: index - page)
        case .pageDown: s.select(index: index + page)
        case .home, .character("g"): s.select(index: 0)
        case .end, .character("G"): s.select(index: s.visibleEntries.count - 1)
        case .character("/"):
            s.filterEditing = true
        case .character("v"):
            s.screen = .overview
        case .character(":"):
            s.commandEditing = true
            s.command = ""
        case .escape:
            if !s.filter.isEmpty {
                s.filter = ""
                s.select(index: s.selectedIndex ?? 0)
            }
        case .enter, .right:
            guard let entry = s.selectedEntry else { return [] }
            return open(entry.ref, &s)
        case .tab:
            // Tab switches to the entry last opened (the other pane), if there is one.
            if let detail = s.detail { s.screen = .detail(ref: detail.entry.ref) }
        default:
            break
        }
        return []
    }

    static func open(_ ref: String, _ s: inout DashboardState) -> [DashboardEffect] {
        if s.detail?.entry.ref != ref { s.detailTop = 0 }
        s.screen = .detail(ref: ref)
        return [.openDetail(ref: ref)]
    }

    static func detailKey(_ key: DashboardKey, _ s: inout DashboardState) -> [DashboardEffect] {
        let page = DashboardLayout.detailBodyRows(s.rows)
        switch key {
        case .up, .character("k"): s.detailTop -= 1
        case .down, .character("j"): s.detailTop += 1
        case .pageUp: s.detailTop -= page
        case .pageDown: s.detailTop += page
        case .home, .character("g"): s.detailTop = 0
        case .end, .character("G"): s.detailTop = Int.max / 2
        case .escape, .left, .tab:
            s.screen = .queue
            return []
        default:
            return []
        }
        s.clampDetailScroll()
        return []
    }
}
