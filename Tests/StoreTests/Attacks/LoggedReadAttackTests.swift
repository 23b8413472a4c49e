import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Issue #8 hole 3: a logged read undone by ROLLBACK. A read of persons or of a sealed reporter
/// returns data only once its access-log row has committed, whatever the reader does with their
/// transaction.
@Suite("Attack: logged reads")
struct LoggedReadAttackTests {
    static func count(_ org: AttackOrganisation, _ action: String) throws -> Int {
        Int(try org.db.sql("SELECT count(*) FROM access_log WHERE action = '\(action)'"))!
    }

    @Test func readingPersonsAndRollingBackReturnsNothingAndTheOneStepReadIsGone() throws {
        let org = try AttackOrganisation("read1")
        let e = try org.incident(by: org.ola)
        // Issue #8 exactly: BEGIN; SELECT * FROM entry_persons_of(55); ROLLBACK;
        let exact = try org.refusal("BEGIN; SELECT * FROM entry_persons_of(\(e.id)); ROLLBACK;", as: org.ola)
        #expect(exact.sqlState == "42501")
        #expect(exact.hint == "vaktlogg:read_not_logged")
        // Requesting in the same transaction does not help: the request has not committed.
        let c = try org.db.connect(user: org.ola)
        defer { c.close() }
        try c.execute("BEGIN")
        let read = try c.query("SELECT request_read(\(e.id), 'persons') AS r").first!.decode(Int64.self, "r")
        let inside = #expect(throws: PostgresError.self) { try c.query("SELECT * FROM entry_persons_of(\(e.id), \(read))") }
        #expect(inside?.hint == "vaktlogg:read_not_logged")
        try c.execute("ROLLBACK")
        // Nor does a savepoint, nor the rolled-back request's id afterwards.
        try c.execute("BEGIN")
        try c.execute("SAVEPOINT s")
        let inSavepoint = try c.query("SELECT request_read(\(e.id), 'persons') AS r").first!.decode(Int64.self, "r")
        try c.execute("RELEASE SAVEPOINT s")
        #expect(throws: PostgresError.self) { try c.query("SELECT * FROM entry_persons_of(\(e.id), \(inSavepoint))") }
        try c.execute("ROLLBACK")
        for id in [read, inSavepoint] {
            let after = #expect(throws: PostgresError.self) { try c.query("SELECT * FROM entry_persons_of(\(e.id), \(id))") }
            #expect(after?.hint == "vaktlogg:read_not_logged")
        }
        #expect(try Self.count(org, "read_persons") == 0)
        // Positive control: the request committed on its own, then the read.
        let committed = try c.query("SELECT request_read(\(e.id), 'persons') AS r").first!.decode(Int64.self, "r")
        #expect(try c.query("SELECT person_ref FROM entry_persons_of(\(e.id), \(committed))").rows
                    .map { try $0.decode(String.self, "person_ref") } == ["K-2026-0777"])
        #expect(try Self.count(org, "read_persons") == 1)
    }

    @Test func aCoordinatorCannotReadASealedReporterAndRollBack() throws {
        let org = try AttackOrganisation("read2")
        let report = try org.manipulation(by: org.ingrid)
        let c = try org.db.connect(user: org.kari)
        defer { c.close() }
        // The one-step read no longer gives it to the coordinator at all.
        #expect(try c.query("SELECT entry_reporter(\(report.id)) AS r").first!.decodeIfPresent(String.self, "r") == nil)
        try c.execute("BEGIN")
        let read = try c.query("SELECT request_read(\(report.id), 'reporter') AS r").first!.decode(Int64.self, "r")
        let refused = #expect(throws: PostgresError.self) { try c.query("SELECT entry_reporter(\(report.id), \(read)) AS r") }
        #expect(refused?.sqlState == "42501")
        #expect(refused?.hint == "vaktlogg:read_not_logged")
        try c.execute("ROLLBACK")
        #expect(try Self.count(org, "read_reporter") == 0)
        // A persons read does not open the reporter, nor another entry's read, nor a colleague's.
        let personsRead = try c.query("SELECT request_read(\(report.id), 'persons') AS r").first!.decode(Int64.self, "r")
        #expect(throws: PostgresError.self) { try c.query("SELECT entry_reporter(\(report.id), \(personsRead)) AS r") }
        let other = try org.manipulation(by: org.ingrid, text: "Tilbød meg snus")
        let otherRead = try c.query("SELECT request_read(\(other.id), 'reporter') AS r").first!.decode(Int64.self, "r")
        #expect(throws: PostgresError.self) { try c.query("SELECT entry_reporter(\(report.id), \(otherRead)) AS r") }
        // Positive control: committed first, then read; logged once.
        let good = try c.query("SELECT request_read(\(report.id), 'reporter') AS r").first!.decode(Int64.self, "r")
        #expect(try c.query("SELECT entry_reporter(\(report.id), \(good)) AS r").first!.decode(String.self, "r") == org.ingrid)
        #expect(try Self.count(org, "read_reporter") == 2)
    }

    @Test func aReadIdIsNotAPassForAnyoneElse() throws {
        let org = try AttackOrganisation("read3")
        let e = try org.incident(by: org.ola)
        let read = try org.db.sql("SELECT request_read(\(e.id), 'persons')", user: org.ola)
        for thief in [org.ingrid, org.kari, org.mona, org.erik] {
            let refused = try org.refusal("SELECT * FROM entry_persons_of(\(e.id), \(read))", as: thief)
            #expect(refused.hint == "vaktlogg:read_not_logged", "\(thief)")
            let measures = try org.refusal("SELECT * FROM entry_measure_persons(\(e.id), \(read))", as: thief)
            #expect(measures.hint == "vaktlogg:read_not_logged", "\(thief)")
        }
        // Another unit cannot even request: the refusal is the one for an entry that does not exist.
        let foreign = try org.refusal("SELECT request_read(\(e.id), 'persons')", as: org.per)
        let missing = try org.refusal("SELECT request_read(987654, 'persons')", as: org.per)
        #expect(foreign.sqlState == "P0002")
        #expect(foreign.sqlState == missing.sqlState && foreign.message == missing.message && foreign.hint == missing.hint)
        #expect(try org.db.sql("SELECT count(*) FROM entry_persons_of(\(e.id), \(read))", user: org.per) == "0")
        // Who else may ask for a sealed reporter: nobody but the unit's coordinators.
        let report = try org.manipulation(by: org.ingrid)
        for asker in [org.ola, org.mona, org.erik, org.adm, org.ingrid] {
            #expect(try org.db.sql("SELECT coalesce(request_read(\(report.id), 'reporter')::text, 'NONE')", user: asker) == "NONE")
        }
        #expect(try org.refusal("SELECT request_read(\(report.id), 'reporter')", as: org.hanne).sqlState == "P0002")
        #expect(try org.refusal("SELECT request_read(\(e.id), 'everything')", as: org.ola).hint == "vaktlogg:unknown_read")
    }

    @Test func theStoreLogsFirstAndRefusesToReadInsideATransaction() throws {
        let org = try AttackOrganisation("read4")
        let report = try org.manipulation(by: org.ingrid)
        let c = try org.db.connect(user: org.kari)
        defer { c.close() }
        let detail = try EntryRepository(connection: c).detail(ref: report.ref)
        #expect(detail.reporter == org.ingrid)
        #expect(detail.persons == [.init(role: .inmate, ref: "K-2026-0142")])
        #expect(try org.db.sql("SELECT string_agg(action || ':' || pg_xact_status(read_xact), ',' ORDER BY id) FROM access_log")
                == "read_persons:committed,read_reporter:committed")
        let inTransaction = #expect(throws: StoreError.self) {
            try c.transaction { t in _ = try EntryRepository(connection: t).detail(ref: report.ref) }
        }
        #expect(inTransaction?.code == "read_in_transaction")
        #expect(try org.db.sql("SELECT count(*) FROM access_log") == "2")
        // An entry without persons needs no log row, and is read without one.
        var d = EntryDraft(kind: .deviation, category: "door_lock", text: "Dør B2 stod ulåst")
        d.unit = "BJORKVIK"
        d.probability = 2
        d.consequence = 2
        let plain = try org.log(d, as: org.ola)
        #expect(try EntryRepository(connection: c).detail(ref: plain.ref).reporter == org.ola)
        #expect(try org.db.sql("SELECT count(*) FROM access_log") == "2")
    }
}
