/// What the reducer asks the loop to do. The loop performs effects; the reducer never does I/O.
public enum DashboardEffect: Sendable, Hashable {
    /// Read the queue again (through the Store's list, under row-level security).
    case reloadQueue
    /// Read one entry for the detail screen (the Store's detail read: persons' reads are logged).
    case openDetail(ref: String)
    /// Perform an action on an entry (acknowledge, assign, …) through the Store's workflows.
    case runAction(DashboardAction, ref: String)
    /// Try to connect again after the connection was lost.
    case reconnect
    /// Ring the terminal bell.
    case bell
    /// Leave the dashboard.
    case quit
}

/// The lifecycle actions the dashboard will offer. Declared so the effect type is complete; no key
/// triggers them yet (the next step of issue 10), and `--readonly` will hide them all.
public enum DashboardAction: String, Sendable, Hashable, CaseIterable {
    case acknowledge, assign, comment, treat, close, reopen, amend, measure
}
