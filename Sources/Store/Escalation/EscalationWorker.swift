public import Foundation
import Postgres

/// Escalates passed deadlines (domain.md §6). The database decides what is overdue and makes each
/// escalation happen exactly once however many workers run (`escalate_overdue()`, sql/020); this
/// is the Store's door to it, for `vaktlogg escalate --once` and the service's periodic worker.
public struct EscalationWorker {
    let session: StoreSession

    /// Escalations run in `session` (its connection, its transaction).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// Appends one `escalated` event for every deadline in the caller's units that had passed at
    /// `at` and was not escalated before; returns how many it appended (0 when nothing was due).
    ///
    /// Runs in a READ COMMITTED transaction (the database refuses any other): a concurrent worker's
    /// escalation must be visible after waiting on its lock.
    @discardableResult
    public func run(at: Date? = nil) throws(StoreError) -> Int {
        try session.transaction { s in
            let row = try s.connection.query(
                "SELECT escalate_overdue(coalesce(\(at, as: .timestamptz), now()))::bigint AS n").first!
            return Int(try row.decode(Int64.self, "n"))
        }
    }
}
