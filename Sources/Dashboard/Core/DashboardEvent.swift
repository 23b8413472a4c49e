public import Foundation
public import VaktloggCore

/// Everything that can happen to the dashboard. The loop turns terminal input, database results
/// and the clock into these; the reducer is the only place that decides what they mean.
public enum DashboardEvent: Sendable, Hashable {
    /// A key press.
    case key(DashboardKey)
    /// The queue was read (through row-level security) at `at`.
    case queueLoaded([DashboardEntry], at: Date)
    /// The entry opened in the detail screen was read at `at`.
    case detailLoaded(DashboardDetail, at: Date)
    /// A read was refused or failed for a reason other than a lost connection.
    case loadFailed(ref: String?, message: String)
    /// A confirmed action was recorded by the Store at `at`.
    case actionDone(DashboardActionRequest, at: Date)
    /// The rules judged the form's draft; `draft` carries the reported time and idempotency key
    /// fixed for every later attempt.
    case draftJudged(FormJudgement, draft: EntryDraft)
    /// The form's entry was stored (`alreadyStored`: an earlier attempt had stored it).
    case entryLogged(id: Int64, ref: String, priority: Priority, alreadyStored: Bool, at: Date)
    /// The database could not be reached: the form's entry is in the spool, for `vaktlogg sync`.
    case entrySpooled(reason: String)
    /// The form's entry was refused (by the rules or the database); `field` names the draft field.
    case entryRefused(field: String?, message: String)
    /// This many entries wait in the spool.
    case spoolCounted(Int)
    /// The rules' judgement of an action not yet confirmed, in words.
    case actionJudged(DashboardActionRequest, lines: [String])
    /// The connection to the database went away at `at`; the last data stays on screen, stale.
    case connectionLost(at: Date)
    /// A new connection is up at `at`; everything on screen is re-read.
    case connectionRegained(at: Date)
    /// The database said something changed. Only a hint to re-read: the payload is never shown.
    case changeHinted
    /// The clock advanced (ages, deadlines and the status-bar clock move).
    case tick(Date)
    /// The terminal is now `rows` × `columns`.
    case resize(rows: Int, columns: Int)
}
