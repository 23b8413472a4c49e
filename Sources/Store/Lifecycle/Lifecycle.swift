import Foundation
import Postgres
import Rules
import VaktloggCore
import VaktloggText

/// Records lifecycle events on entries. Checks that give a better message than the database's are
/// made here first; the database's own checks (sql/003) stay the last line.
public struct Lifecycle {
    let session: StoreSession
    var engine: RulesEngine { session.engine }

    /// Lifecycle events written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// Records `event` on the entry `ref` and returns the entry's state afterwards.
    @discardableResult
    public func record(_ event: LifecycleEvent, on ref: String) throws(StoreError) -> EntrySummary {
        try record([event], on: ref)
    }

    /// Records several events in one transaction (all or none), e.g. cause analysis and measure.
    ///
    /// The events happen at the session's fact time: the database's transaction time, or the
    /// clock's in a backdating session (demo seeding).
    @discardableResult
    public func record(_ events: [LifecycleEvent], on ref: String) throws(StoreError) -> EntrySummary {
        let now = session.now
        let at = session.factTime
        var prepared: [(LifecycleEvent, Fields)] = []
        do throws(ValidationError) {
            for event in events { prepared.append((event, try self.fields(for: event, now: now))) }
        } catch {
            throw StoreError(error)
        }
        return try session.transaction { s in
            let c = s.connection
            let repo = s.repository
            let entry = try repo.summary(ref: ref)
            for (event, fields) in prepared {
                try c.execute("""
                    INSERT INTO entry_events (entry_id, event, at, text, assignee, data, rules_version, trace)
                    VALUES (\(entry.id), \(event.code), \(at, as: .timestamptz), \(fields.text), \(fields.assignee), \(fields.data, as: .jsonb),
                            \(fields.trace == nil ? nil : engine.version), \(fields.trace, as: .jsonb))
                    """)
            }
            return try repo.summary(ref: ref)
        }
    }

    struct Fields {
        var text: String?
        var assignee: String?
        var data = "{}"
        var trace: String?
    }

    private func fields(for event: LifecycleEvent, now: Date) throws(ValidationError) -> Fields {
        var f = Fields()
        switch event {
        case .acknowledge, .supervisionOffered, .supervisionHeld:
            break
        case .assign(let to):
            f.assignee = to
        case .comment(let text):
            f.text = try nonBlank(text, field: "text")
        case .startTreatment(let cause):
            f.text = try nonBlank(cause, field: "cause")
        case .decideMeasure(let measure, let responsible, let due):
            f.text = try nonBlank(measure, field: "measure")
            if due < OsloTime.calendarDate(now) {
                throw ValidationError(code: .outOfRange, field: "due", message: InputText.dueInPast)
            }
            f.assignee = responsible
            f.data = JSONValue.object(["due": .string(due.description)]).canonicalJSON
        case .close(let verification):
            if let verification { f.text = try nonBlank(verification, field: "verification") }
        case .reopen(let reason):
            // A reopened deviation gets the full closing period again; the database computes it from
            // the entry's rule set (sql/014).
            f.text = try nonBlank(reason, field: "reason")
        case .escalate(let reason):
            f.text = try nonBlank(reason, field: "reason")
        case .assessThreat(let source, let credibility, let p, let c):
            let risk = try engine.risk(probability: p, consequence: c)
            f.data = JSONValue.object([
                "source_reliability": .string(source.rawValue), "info_credibility": .int(Int(credibility.rawValue) ?? 0),
                "probability": .int(p), "consequence": .int(c), "risk_score": .int(risk.score),
                "band": .string(risk.band.rawValue),
            ]).canonicalJSON
            f.trace = risk.trace.canonicalJSON
        case .policeDecision(let inform, let justification):
            f.text = try nonBlank(justification, field: "justification")
            f.data = JSONValue.object(["decision": .string(inform ? "inform" : "not_inform")]).canonicalJSON
        }
        return f
    }

    private func nonBlank(_ s: String, field: String) throws(ValidationError) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else {
            throw ValidationError(code: .blank, field: field, message: InputText.blank)
        }
        return s
    }
}
