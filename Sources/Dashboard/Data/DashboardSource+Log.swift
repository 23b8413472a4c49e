public import Foundation
import Postgres
import Rules
import Store
public import VaktloggCore
import VaktloggText

extension DashboardSource {
    /// The rules' judgement of the form's draft, computed here as `vaktlogg log` computes it (the
    /// same ``EntryJudgement``, no database needed, so it works while the connection is away). Fixes
    /// the reported time and the idempotency key at this first attempt, as `log` does.
    public func judge(_ draft: EntryDraft, now: Date, language: Language) -> DashboardEvent {
        var d = draft
        let reportedAt = d.reportedAt ?? now
        d.reportedAt = reportedAt
        d.idempotencyKey = d.idempotencyKey ?? UUID()
        do throws(VaktloggCore.ValidationError) {
            let j = try EntryJudgement(draft: d, reportedAt: reportedAt, occurredAt: d.occurredAt ?? reportedAt, engine: engine)
            let judgement = FormJudgement(
                priority: j.priority, riskScore: j.risk.score, band: j.risk.band, interests: j.interests,
                deadlines: j.deadlines.map { FormJudgement.Deadline(code: $0.what.rawValue, due: $0.due) },
                actions: j.actions.map { $0(language) }, rulesVersion: j.rulesVersion)
            return .draftJudged(judgement, draft: d)
        } catch {
            return .entryRefused(field: error.field, message: error.message(language))
        }
    }

    /// Stores the form's entry through the Store's write path (`EntryWriter.log`, as `vaktlogg log`),
    /// or — when the database cannot be reached — writes it to the spool that `vaktlogg sync`
    /// delivers, so an entry is never lost. A refusal keeps the draft in the form.
    public func log(_ draft: EntryDraft, now: Date, language: Language) -> [DashboardEvent] {
        func refused(_ e: StoreError) -> [DashboardEvent] { [.entryRefused(field: e.field, message: e.message(language))] }
        do {
            let logged = try StoreSession(connection: try liveConnection(), engine: engine, clock: .fixed(now)).entries.log(draft)
            return [.entryLogged(id: logged.id, ref: logged.ref, priority: logged.priority,
                                 alreadyStored: logged.alreadyStored, at: now)]
        } catch let e as StoreError where e.code == .loginRefused {
            // A refused login is not an outage: nothing is queued under an account that may not write.
            return refused(e)
        } catch let e as StoreError where e.category == .unavailable {
            return spoolDraft(draft, reason: e.arguments["detail"] ?? e.message(language), now: now, language: language)
        } catch let e as StoreError {
            return refused(e)
        } catch let e as PostgresError where e.isUnavailable {
            return spoolDraft(draft, reason: e.message, now: now, language: language)
        } catch let e as PostgresError {
            return refused(StoreError(e))
        } catch {
            return refused(StoreError.unexpected(.internal, ["type": "\(type(of: error))"]))
        }
    }

    /// Writes the draft to the spool (fsynced, as `log` does) and reports the connection lost.
    private func spoolDraft(_ draft: EntryDraft, reason: String, now: Date, language: Language) -> [DashboardEvent] {
        guard let spool else {
            return [.entryRefused(field: nil, message: CLIText.notSpooled(reason)(language))]
        }
        do {
            try spool.write(draft, user: spoolUser, now: now)
        } catch {
            // Not in the spool either: the draft stays in the form to try again.
            return [.entryRefused(field: nil, message: CLIText.notSpooled("\(error)")(language))]
        }
        dropConnection()
        return [.entrySpooled(reason: reason), .connectionLost(at: now)]
    }

    /// Entries waiting in the spool.
    public func spoolCount() -> Int { spool?.count ?? 0 }
}
