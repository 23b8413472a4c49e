import Foundation
import Store

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
        }
    }
}
