import Foundation
import Postgres
import Server
import Store
import Testing
import VaktloggTestSupport
import PostgresTestSupport
import VaktloggCore

/// The escalation worker inside `serve` acts through its token like any request: the database's
/// `escalate_overdue()` (sql/020) makes each escalation happen once however many workers race.
@Suite("API: escalation worker under the authenticator")
struct EscalationWorkerTests {
    @Test func twoRacingWorkersThroughTokensGiveOneEvent() throws {
        let f = try APIFixture("apiesc")
        let overdue = try f.db.overdueDeviation(unit: "BJORKVIK", as: f.ola).id
        let eva = try f.db.addUser("eva", role: "security_coordinator", units: ["BJORKVIK"])
        let first = try f.db.connect(user: ServeTestNames.authenticator)
        let second = SharedConnection(try f.db.connect(user: ServeTestNames.authenticator))
        let kariHash = Administration.tokenHash(f.tokens[f.kari]!)
        let evaHash = Administration.tokenHash(try f.token(for: eva))
        // The first worker escalates and holds its transaction open (its locks held).
        try first.execute("BEGIN")
        try first.query("SELECT begin_request(decode(\(kariHash), 'hex'))")
        #expect(try first.query("SELECT escalate_overdue(now())::bigint AS n").first!.decode(Int64.self, "n") == 1)
        let outcome = WorkerOutcome()
        let done = DispatchGroup()
        done.enter()
        Thread {
            outcome.set(Result {
                try TokenScope(connection: second.connection, tokenHash: evaHash).committed { c in
                    try StoreSession.joining(c).escalation.run()
                }
            })
            done.leave()
        }.start()
        // Wait for the condition itself: the second worker is blocked on the first's lock.
        while try f.db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == "0" {
            sched_yield()
        }
        try first.execute("COMMIT")
        done.wait()
        #expect(try outcome.get() == 0)
        #expect(try f.db.sql("SELECT count(*) FROM entry_events WHERE entry_id = \(overdue) AND event = 'escalated'") == "1")
        #expect(try f.db.sql("SELECT actor FROM entry_events WHERE entry_id = \(overdue) AND event = 'escalated'") == f.kari)
        // A token whose user may not escalate is refused by the database, not by the service.
        do {
            _ = try TokenScope(connection: second.connection, tokenHash: Administration.tokenHash(f.tokens[f.ola]!)).committed { c in
                try StoreSession.joining(c).escalation.run()
            }
            Issue.record("a duty officer's token escalated")
        } catch {
            #expect("\(error)".contains("role_not_permitted"), "\(error)")
        }
    }

    @Test func theWorkersInsideTwoServersEscalateOnce() async throws {
        let f = try APIFixture("apiescsrv")
        let overdue = try f.db.overdueDeviation(unit: "BJORKVIK", as: f.ola).id
        let token = f.tokens[f.kari]!
        let a = try await f.start { $0.escalationInterval = .milliseconds(20); $0.escalationToken = token }
        let b = try await APIFixture.second(of: f) { $0.escalationInterval = .milliseconds(20); $0.escalationToken = token }
        // Wait for the condition (the event), then let both workers run more rounds.
        while try f.db.sql("SELECT count(*) FROM entry_events WHERE entry_id = \(overdue) AND event = 'escalated'") == "0" {
            try await Task.sleep(for: .milliseconds(20))
        }
        // Both workers go on running rounds; none escalates the deadline again.
        try await Task.sleep(for: .milliseconds(200))
        #expect(try f.db.sql("SELECT count(*) FROM entry_events WHERE entry_id = \(overdue) AND event = 'escalated'") == "1")
        await a.stop()
        await b.stop()
    }
}

extension APIFixture {
    /// A second server on the same database (another process, in effect), with its own pool.
    static func second(of f: APIFixture, _ configure: (inout ServerConfiguration) -> Void) async throws -> APIFixture {
        try await f.clone().start(configure)
    }
}

/// A connection handed to one other thread (used there only).
final class SharedConnection: @unchecked Sendable {
    let connection: Connection
    init(_ connection: Connection) { self.connection = connection }
}

final class WorkerOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<Int, any Error>?
    func set(_ v: Result<Int, any Error>) { lock.lock(); value = v; lock.unlock() }
    func get() throws -> Int { lock.lock(); defer { lock.unlock() }; return try value!.get() }
}
