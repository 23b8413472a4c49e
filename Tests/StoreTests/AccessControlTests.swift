import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Unit scoping, sealed manipulation reporters and the logging of person reads — enforced by the
/// database, so these tests go through plain SQL as each user as well as through the Store.
@Suite("Access control")
struct AccessControlTests {
    struct Fixture {
        let db: VaktloggTestDatabase
        let osloOfficer: String
        let osloOfficer2: String
        let osloCoordinator: String
        let ilaOfficer: String
        let auditor: String

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "acc", units: ["OSLO", "ILA"])
            osloOfficer = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            osloOfficer2 = try db.addUser("ida", role: "duty_officer", units: ["OSLO"])
            osloCoordinator = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
            ilaOfficer = try db.addUser("per", role: "duty_officer", units: ["ILA"])
            auditor = try db.addUser("revisor", role: "auditor", units: [])
        }

        func log(_ draft: EntryDraft, as user: String) throws -> LoggedEntry {
            let c = try db.connect(user: user)
            defer { c.close() }
            return try StoreSession(connection: c).entries.log(draft)
        }
    }

    static func manipulation() -> EntryDraft {
        var d = EntryDraft(kind: .manipulation, category: "private_probing", text: "Spurte om adressen min")
        d.unit = "OSLO"
        d.probability = 3
        d.consequence = 3
        d.target = .reporter
        d.inWorkingHours = true
        d.persons = [.init(role: .inmate, ref: "K-2026-0001")]
        return d
    }

    @Test func officersSeeOnlyTheirOwnUnits() throws {
        let f = try Fixture()
        let e = try f.log(Self.manipulation(), as: f.osloOfficer)
        #expect(try f.db.sql("SELECT count(*) FROM entries", user: f.ilaOfficer) == "0")
        #expect(try f.db.sql("SELECT count(*) FROM entry_state", user: f.ilaOfficer) == "0")
        #expect(try f.db.sql("SELECT count(*) FROM entry_state", user: f.auditor) == "1")
        let c = try f.db.connect(user: f.ilaOfficer)
        defer { c.close() }
        #expect(throws: StoreError.unknownEntry(e.ref)) { try EntryRepository(connection: c).summary(ref: e.ref) }
        // Writing into another unit is refused, whatever the client sends — scope first, as for an
        // entry that does not exist (nothing reveals that it exists elsewhere)…
        let refused = try #require(throws: PostgresError.self) {
            try c.execute("INSERT INTO entry_events (entry_id, event, text) VALUES (\(e.id), 'comment', 'hei')")
        }
        #expect(refused.sqlState == "P0002" && refused.hint == "vaktlogg:unknown_entry", "\(refused)")
        // …while the same statement by an officer of the entry's unit is accepted.
        let own = try f.db.connect(user: f.osloOfficer2)
        defer { own.close() }
        #expect(try own.execute("INSERT INTO entry_events (entry_id, event, text) VALUES (\(e.id), 'comment', 'hei')") == 1)
    }

    @Test func manipulationReporterIsSealedFromColleaguesAndItsReadIsLogged() throws {
        let f = try Fixture()
        let e = try f.log(Self.manipulation(), as: f.osloOfficer)
        // The reporter column is not readable at all by the application role (column privilege)…
        let colleague = try f.db.connect(user: f.osloOfficer2)
        defer { colleague.close() }
        let denied = try #require(throws: PostgresError.self) { try colleague.query("SELECT reporter FROM entries") }
        #expect(denied.sqlState == "42501", "\(denied)")
        // …though the colleague reads the entry's other columns.
        #expect(try colleague.query("SELECT id FROM entries").count == 1)
        #expect(try f.db.sql("SELECT coalesce(entry_reporter(\(e.id)), 'SEALED')", user: f.osloOfficer2) == "SEALED")
        #expect(try f.db.sql("SELECT coalesce(entry_reporter(\(e.id)), 'SEALED')", user: f.auditor) == "SEALED")
        #expect(try f.db.sql("SELECT entry_reporter(\(e.id))", user: f.osloOfficer) == f.osloOfficer)
        // The coordinator reads it in two steps: the logged request commits first (sql/015).
        #expect(try f.db.sql("SELECT coalesce(entry_reporter(\(e.id)), 'SEALED')", user: f.osloCoordinator) == "SEALED")
        let read = try f.db.sql("SELECT request_read(\(e.id), 'reporter')", user: f.osloCoordinator)
        #expect(try f.db.sql("SELECT entry_reporter(\(e.id), \(read))", user: f.osloCoordinator) == f.osloOfficer)
        #expect(try f.db.sql("SELECT actor || ':' || action FROM access_log WHERE action = 'read_reporter'")
                == "\(f.osloCoordinator):read_reporter")
    }

    @Test func personDetailsAreReadOnlyThroughTheLoggedFunction() throws {
        let f = try Fixture()
        let e = try f.log(Self.manipulation(), as: f.osloOfficer)
        let c = try f.db.connect(user: f.osloOfficer2)
        defer { c.close() }
        let denied = try #require(throws: PostgresError.self) { try c.query("SELECT count(*) FROM entry_persons") }
        #expect(denied.sqlState == "42501", "\(denied)")
        let detail = try EntryRepository(connection: c).detail(ref: e.ref)
        #expect(detail.persons == [.init(role: .inmate, ref: "K-2026-0001")])
        #expect(detail.reporter == nil)
        #expect(try f.db.sql("SELECT actor || ':' || action || ':' || entry_id FROM access_log")
                == "\(f.osloOfficer2):read_persons:\(e.id)")
        // Only auditors (and administrators) read the access log.
        #expect(try f.db.sql("SELECT count(*) FROM access_log", user: f.osloCoordinator) == "0")
        #expect(try f.db.sql("SELECT count(*) FROM access_log", user: f.auditor) == "1")
    }

    @Test func aDisabledUserSeesNothingAndCannotConnect() throws {
        let f = try Fixture()
        _ = try f.log(Self.manipulation(), as: f.osloOfficer)
        // A session opened before the user is disabled, which sees the entry (positive control)…
        let open = try f.db.connect(user: f.osloOfficer2)
        defer { open.close() }
        #expect(try open.query("SELECT ref FROM entry_state").count == 1)
        try f.db.sql("SELECT admin_disable_user('\(f.osloOfficer2)')")
        // …sees nothing afterwards, if it still runs at all (every policy requires an active user).
        do {
            #expect(try open.query("SELECT ref FROM entry_state").count == 0)
            #expect(try open.query("SELECT id FROM entries").count == 0)
        } catch let error as PostgresError {
            #expect(error.isUnavailable, "the session may be ended, not refused otherwise: \(error)")
        }
        // A new login is refused by the server (CONNECT revoked), not by a missing database.
        let login = try #require(throws: PostgresError.self) { try f.db.connect(user: f.osloOfficer2) }
        #expect(login.kind == .connection)
        #expect(login.message.contains("permission denied for database"), "\(login)")
        // The other officer of the unit still logs in and sees the entry.
        #expect(try f.db.connect(user: f.osloOfficer).query("SELECT ref FROM entry_state").count == 1)
    }

    @Test func reporterAndRecordedTimeCannotBeForged() throws {
        let f = try Fixture()
        let c = try f.db.connect(user: f.osloOfficer)
        defer { c.close() }
        // The reporter is the session user and the recorded time the server's, whatever is sent:
        // the columns are not insertable (column privilege, 42501).
        let forgedReporter = try #require(throws: PostgresError.self) {
            try c.execute("""
                INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, reporter, domain, text, interests,
                    probability, consequence, risk_score, tier, priority, rules_version, rules_hash, trace, deadlines, idempotency_key)
                VALUES ('incident','damage','OSLO', now(), now(), \(f.osloOfficer2), 'correctional_security', 'x',
                    '{order}', 1, 1, 1, 4, 'P4', 'v', 'h', '[]', '[]', gen_random_uuid())
                """)
        }
        #expect(forgedReporter.sqlState == "42501", "\(forgedReporter)")
        // Positive control: the product's write path stores the session user and the server's time.
        let before = try c.query("SELECT clock_timestamp() AS t").first!.decode(Date.self, "t")
        var draft = EntryDraft(kind: .incident, category: "damage", text: "Knust vindu")
        draft.unit = "OSLO"
        draft.probability = 1
        draft.consequence = 1
        let logged = try StoreSession(connection: c).entries.log(draft)
        #expect(try f.db.sql("SELECT reporter FROM entries WHERE id = \(logged.id)") == f.osloOfficer)
        #expect(try f.db.sql("SELECT recorded_at >= '\(OsloTime.rfc3339(before))'::timestamptz FROM entries WHERE id = \(logged.id)") == "t")
        let forgedTime = try #require(throws: PostgresError.self) {
            try c.execute("""
                INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, recorded_at, domain, text, interests,
                    probability, consequence, risk_score, tier, priority, rules_version, rules_hash, trace, deadlines, idempotency_key)
                VALUES ('incident','damage','OSLO', now(), now(), now() - interval '1 year', 'correctional_security', 'x',
                    '{order}', 1, 1, 1, 4, 'P4', 'v', 'h', '[]', '[]', gen_random_uuid())
                """)
        }
        #expect(forgedTime.sqlState == "42501", "\(forgedTime)")
        // The judgement (tier, priority, risk, deadlines) is the database's: a client naming it is refused.
        #expect(throws: PostgresError.self) {
            try c.execute("""
                INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests,
                    probability, consequence, risk_score, tier, priority, rules_version, rules_hash, trace, deadlines, idempotency_key)
                VALUES ('incident','self_harm','OSLO', now(), now(), 'correctional_security', 'x',
                    '{life_health}', 1, 1, 1, 4, 'P4', 'v', 'h', '[]', '[]', gen_random_uuid())
                """)
        }
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "1", "only the positive control is stored")
    }
}
