import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// `escalate_overdue()` (sql/020): each passed deadline escalated exactly once, however many
/// workers call it and however often; a deadline not yet passed is left alone; only the roles of
/// the escalation, in their own units, may run it.
@Suite("Escalation of passed deadlines")
struct EscalationTests {
    struct World {
        let db: VaktloggTestDatabase
        let officer: String
        let coordinator: Connection
        let ilaCoordinator: Connection

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "esc", units: ["OSLO", "ILA"])
            officer = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            coordinator = try db.connect(user: try db.addUser("kari", role: "security_coordinator", units: ["OSLO"]))
            ilaCoordinator = try db.connect(user: try db.addUser("per", role: "security_coordinator", units: ["ILA"]))
        }

        /// A deviation reported three days ago: its 24-hour acknowledgement has passed, its
        /// treatment (14 days) and closing (30 days) have not.
        func overdue() throws -> Int64 { try db.overdueDeviation(unit: "OSLO", as: officer).id }

        /// A P1 incident logged now: acknowledged within 5 minutes, so nothing has passed yet.
        func freshP1() throws -> Int64 {
            var d = EntryDraft(kind: .incident, category: "violence_staff", text: "Vold mot ansatt")
            d.unit = "OSLO"
            d.probability = 4
            d.consequence = 5
            return try db.log(d, as: officer).id
        }

        /// The deadlines escalated on `entry`, sorted.
        func escalations(_ entry: Int64) throws -> [String] {
            try db.sql("SELECT string_agg(data ->> 'deadline', ',' ORDER BY data ->> 'deadline') FROM entry_events WHERE entry_id = \(entry) AND event = 'escalated'")
                .split(separator: ",").map(String.init)
        }

        func escalate(_ c: Connection, at: Date? = nil) throws -> Int64 {
            try c.query("SELECT escalate_overdue(coalesce(\(at, as: .timestamptz), now()))::bigint AS n").first!.decode(Int64.self, "n")
        }
    }

    @Test func aPassedDeadlineIsEscalatedOnceAndNotAgain() throws {
        let w = try World()
        let fresh = try w.freshP1()
        let worker = StoreSession(connection: w.coordinator).escalation
        // Not yet passed: nothing, even when asked about a later instant (at is capped at now()).
        #expect(try worker.run() == 0)
        #expect(try worker.run(at: Date().addingTimeInterval(3600)) == 0)
        #expect(try w.escalations(fresh).isEmpty)

        let overdue = try w.overdue()
        // Another unit's coordinator does not see the entry and escalates nothing of it.
        #expect(try StoreSession(connection: w.ilaCoordinator).escalation.run() == 0)
        #expect(try worker.run() == 1)
        #expect(try w.escalations(overdue) == ["ack"])
        #expect(try w.escalations(fresh).isEmpty)
        #expect(try w.db.sql("SELECT escalated_at IS NOT NULL FROM entry_state WHERE entry_id = \(overdue)") == "t")
        #expect(try w.db.sql("SELECT actor FROM entry_events WHERE entry_id = \(overdue) AND event = 'escalated'")
                    .hasPrefix("kari_"))
        // The due time named is the acknowledgement deadline the entry had, in UTC.
        #expect(try w.db.sql("""
            SELECT (ev.data ->> 'due')::timestamptz = (SELECT ack_due FROM entry_state s WHERE s.entry_id = ev.entry_id)
              FROM entry_events ev WHERE ev.entry_id = \(overdue) AND ev.event = 'escalated'
            """) == "t")
        // Running again appends nothing.
        #expect(try worker.run() == 0)
        #expect(try w.escalations(overdue) == ["ack"])
    }

    @Test func twoConcurrentWorkersEscalateEachDeadlineOnce() throws {
        let w = try World()
        let overdue = try w.overdue()
        let second = SecondWorker(try w.db.connect(user: try w.db.addUser("eva", role: "security_coordinator", units: ["OSLO"])))
        // The first worker holds its transaction open after escalating (its locks held).
        try w.coordinator.execute("BEGIN")
        #expect(try w.escalate(w.coordinator) == 1)
        let outcome = EscalationOutcome()
        let done = DispatchGroup()
        done.enter()
        Thread {
            outcome.set(Result { try StoreSession(connection: second.connection).escalation.run() })
            done.leave()
        }.start()
        // Wait for the condition itself: the second worker is blocked on the first's lock.
        while try w.db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == "0" {
            sched_yield()
        }
        try w.coordinator.execute("COMMIT")
        done.wait()
        #expect(try outcome.get() == 0)
        #expect(try w.escalations(overdue) == ["ack"])
    }

    @Test func rawSQLCallersAreRefused() throws {
        let w = try World()
        let overdue = try w.overdue()
        let officer = try w.db.connect(user: w.officer)
        do {
            _ = try w.escalate(officer)
            Issue.record("a duty officer ran the escalation")
        } catch let error as PostgresError {
            #expect(error.hint == "vaktlogg:role_not_permitted", "\(error)")
            #expect(error.sqlState == "42501")
        }
        do {
            try w.coordinator.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            _ = try w.escalate(w.coordinator)
            Issue.record("the escalation ran under a repeatable-read snapshot")
        } catch let error as PostgresError {
            #expect(error.hint == "vaktlogg:read_committed_required", "\(error)")
            #expect(error.sqlState == "25000")
        }
        try w.coordinator.execute("ROLLBACK")
        #expect(try w.escalations(overdue).isEmpty)
        // Positive control: the coordinator's own read committed call escalates.
        #expect(try w.escalate(w.coordinator) == 1)
        #expect(try w.escalations(overdue) == ["ack"])
    }
}

/// The second worker's result, handed from its thread.
final class EscalationOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<Int, Error>?
    func set(_ v: Result<Int, Error>) { lock.lock(); value = v; lock.unlock() }
    func get() throws -> Int { lock.lock(); defer { lock.unlock() }; return try value!.get() }
}

/// The second worker's connection, handed to its thread (used there only).
final class SecondWorker: @unchecked Sendable {
    let connection: Connection
    init(_ connection: Connection) { self.connection = connection }
}
