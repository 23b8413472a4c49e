public import Foundation
import Logging
public import Store
public import VaktloggCore
import Postgres

extension VaktloggTestDatabase {
    /// Logs `draft` as `user` through the product's write path (``EntryWriter``): the rules and the
    /// database decide tier, priority, risk and deadlines, as for any officer.
    @discardableResult
    public func log(_ draft: EntryDraft, as user: String) throws -> LoggedEntry {
        let connection = try connect(user: user)
        defer { connection.close() }
        return try StoreSession(connection: connection).entries.log(draft)
    }

    /// An open deviation (an unlocked door, security: P2) in `unit`, reported three days ago — as
    /// an entry delivered late from the spool is — so its 24-hour acknowledgement deadline has
    /// passed.
    @discardableResult
    public func overdueDeviation(unit: String, as user: String) throws -> LoggedEntry {
        var draft = EntryDraft(kind: .deviation, category: "door_lock", text: "Dør ulåst")
        draft.unit = unit
        draft.probability = 2
        draft.consequence = 2
        draft.reportedAt = Date().addingTimeInterval(-3 * 86_400)
        draft.occurredAt = draft.reportedAt
        return try log(draft, as: user)
    }

    /// An open P1 incident (violence against staff: life and health) in `unit`, reported now, so
    /// its acknowledgement deadline lies ahead.
    @discardableResult
    public func openP1(unit: String, as user: String) throws -> LoggedEntry {
        var draft = EntryDraft(kind: .incident, category: "violence_staff", text: "Betjent slått")
        draft.unit = unit
        draft.probability = 3
        draft.consequence = 4
        return try log(draft, as: user)
    }
}
