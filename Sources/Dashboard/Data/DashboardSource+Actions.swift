import Foundation
import Store
import Rules
public import VaktloggCore
import VaktloggText

extension DashboardSource {
    /// Records a confirmed action through the Store's workflows, the same the CLI commands use (no
    /// second write path); the database decides who may do what, in which state.
    public func run(_ r: DashboardActionRequest) throws {
        let session = StoreSession(connection: try liveConnection())
        let v = r.values
        switch r.action {
        case .acknowledge: _ = try session.lifecycle.record([.acknowledge], on: r.ref)
        case .assign: _ = try session.lifecycle.record([.assign(to: v[0])], on: r.ref)
        case .comment: _ = try session.lifecycle.record([.comment(v[0])], on: r.ref)
        case .treat: _ = try session.lifecycle.record([.startTreatment(cause: v[0])], on: r.ref)
        case .close: _ = try session.lifecycle.record([.close(verification: v[0].isEmpty ? nil : v[0])], on: r.ref)
        case .reopen: _ = try session.lifecycle.record([.reopen(reason: v[0])], on: r.ref)
        case .amend:
            var a = AmendmentDraft(reason: v[1])
            a.text = v[0]
            _ = try session.amendments.amend(r.ref, a)
        case .measure:
            _ = try StoreSession(connection: session.connection, engine: engine).measures.record(try Self.measure(v), on: r.ref)
        }
    }

    /// The rules' judgement of a measure before it is confirmed: `measures.evaluate`, the same
    /// judgement `record` applies (with the person's latest risk assessment), told in words.
    public func judge(_ r: DashboardActionRequest, language l: Language) throws -> DashboardEvent {
        let session = StoreSession(connection: try liveConnection(), engine: engine)
        let (evaluation, _) = try session.measures.evaluate(try Self.measure(r.values))
        var lines = [DashboardText.measureOutcome(evaluation.outcome.label(l))(l)]
        lines += evaluation.violations.map {
            DashboardText.measureViolation(rule: $0.rule.rawValue, reason: $0.reason, justified: $0.justified)(l)
        }
        return .actionJudged(r, lines: lines)
    }

    /// The measure the prompt's values describe (type, purpose, restrictiveness, person, justification).
    static func measure(_ v: [String]) throws -> MeasureDraft {
        guard v.count == 5, let type = MeasureType(rawValue: v[0]), let purpose = Interest(rawValue: v[1]),
              let level = Int(v[2]).flatMap(Restrictiveness.init(rawValue:)) else {
            throw StoreError.invalid(.refusedByDatabase, field: "measure")
        }
        var d = MeasureDraft(type: type, purpose: purpose, burdens: [], restrictiveness: level)
        d.person = v[3].isEmpty ? nil : v[3]
        d.justification = v[4].isEmpty ? nil : v[4]
        return d
    }
}
