import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// "Units never wait for each other": an OSLO insert held open does not block a BERGEN insert,
/// shown with `lock_timeout` (a refusal to wait, not a timing) — and a second OSLO insert, which
/// must wait for the chain head, is the positive control that the bound really bites.
@Suite("Chain: units do not wait for each other")
struct ChainUnitsDoNotWaitTests {
    static func draft(_ unit: String) -> EntryDraft {
        var d = EntryDraft(kind: .incident, category: "damage", text: "Knust vindu i \(unit)")
        d.unit = unit
        d.probability = 1
        d.consequence = 1
        return d
    }

    @Test func anOpenOsloInsertDoesNotBlockBergenButBlocksOslo() throws {
        let f = try ChainFixture.make()
        let holder = try f.db.connect(user: f.officer)
        defer { holder.close() }
        _ = try holder.execute("BEGIN")
        _ = try StoreSession.joining(holder).entries.log(Self.draft("OSLO"))

        let bergen = try f.db.connect(user: f.bergenOfficer)
        defer { bergen.close() }
        _ = try bergen.execute("SET lock_timeout = '200ms'")
        let logged = try StoreSession(connection: bergen).entries.log(Self.draft("BERGEN"))
        #expect(logged.ref == "BERGEN-1", "BERGEN's insert went through while OSLO's was open")

        let oslo = try f.db.connect(user: f.coordinator)
        defer { oslo.close() }
        _ = try oslo.execute("SET lock_timeout = '200ms'")
        // Positive control: another OSLO insert needs OSLO's chain head and gives up waiting (55P03).
        let waited = try #require(throws: StoreError.self) { try StoreSession(connection: oslo).entries.log(Self.draft("OSLO")) }
        #expect(waited.description.contains("55P03"), "\(waited)")

        _ = try holder.execute("COMMIT")
        #expect(try f.db.sql("SELECT string_agg(ref, ',' ORDER BY ref) FROM entries") == "BERGEN-1,OSLO-1")
        #expect(try f.db.sql("SELECT bool_and(ok) FROM verify_chain('OSLO') UNION ALL SELECT bool_and(ok) FROM verify_chain('BERGEN')") == "t\nt")
    }
}
