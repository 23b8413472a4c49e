import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// A write whose connection breaks mid-way is reported as "unavailable" (the CLI spools it, exit
/// 69), not as an internal error (70) or a refusal (65): the officer's entry must not be lost.
@Suite struct UnavailableWriteTests {
    static func draft() -> EntryDraft {
        var d = EntryDraft(kind: .incident, category: "contraband_drugs", text: "Funn av hasj")
        d.probability = 3
        d.consequence = 3
        d.unit = "OSLO"
        return d
    }

    @Test(arguments: [false, true]) func aTerminatedSessionIsUnavailable(withPersons: Bool) throws {
        let db = try VaktloggTestDatabase.create(prefix: "unav", units: ["OSLO"])
        let officer = try db.addUser("kari", role: "duty_officer", units: ["OSLO"])
        let connection = try db.connect(user: officer)
        var draft = Self.draft()
        if withPersons { draft.persons = [.init(role: .inmate, ref: "INN-1001")] }
        // Positive control: the same draft on a live connection is stored.
        #expect(try StoreSession(connection: connection).entries.log(draft).alreadyStored == false)

        let pid = try connection.query("SELECT pg_backend_pid() AS p").first!.decode(Int32.self, "p")
        try db.sql("SELECT pg_terminate_backend(\(pid))")
        draft.idempotencyKey = UUID()
        let error = try #require(throws: StoreError.self) { try StoreSession(connection: connection).entries.log(draft) }
        #expect(error.category == .unavailable, "\(error)")
        #expect(error.code == "database_unavailable")
    }
}
