public import VaktloggCore

/// What the reducer asks the loop to do. The loop performs effects; the reducer never does I/O.
public enum DashboardEffect: Sendable, Hashable {
    /// Read the queue again (through the Store's list, under row-level security).
    case reloadQueue
    /// Read one entry for the detail screen (the Store's detail read: persons' reads are logged).
    case openDetail(ref: String)
    /// Perform a confirmed action on an entry through the Store's workflows (the CLI's write path).
    case runAction(DashboardActionRequest)
    /// Judge a new entry's draft with the rules (the same judgement `vaktlogg log` stores) and
    /// fix its reported time and idempotency key; answered by `draftJudged` or `entryRefused`.
    case judgeDraft(EntryDraft)
    /// Store a new entry through the Store's write path, or put it in the spool when the database
    /// cannot be reached; answered by `entryLogged`, `entrySpooled` or `entryRefused`.
    case logEntry(EntryDraft)
    /// Count the entries waiting in the spool (the status bar).
    case countSpool
    /// Ask the rules about an action before it is confirmed (a measure: `measures.evaluate`, the
    /// judgement `record` applies); answered by `actionJudged` or `loadFailed`.
    case judgeAction(DashboardActionRequest)
    /// Try to connect again after the connection was lost.
    case reconnect
    /// Ring the terminal bell.
    case bell
    /// Leave the dashboard.
    case quit
}
