import Foundation
import Postgres
import Store
import Testing
import VaktloggTestSupport
import VaktloggCore

@Suite("Chain verification")
struct ChainVerifierTests {
    /// OSLO with entries, persons, comments (and one row in every other fact table); BERGEN with
    /// two entries of its own. Returns the OSLO entries' ids.
    @discardableResult
    private func populated(_ f: ChainFixture) throws -> [Int64] {
        var ids = [try f.fillEveryTable()]
        let officer = try f.writer(f.officer)
        for n in 1...4 {
            let id = try officer.entry(unit: "OSLO").id
            try officer.person(entry: id, ref: "SAK-2026-010\(n)")
            try officer.comment(entry: id)
            ids.append(id)
        }
        let bergen = try f.writer(f.bergenOfficer)
        try bergen.entry(unit: "BERGEN")
        try bergen.comment(entry: try bergen.entry(unit: "BERGEN").id)
        return ids
    }

    @Test func cleanChainsVerifyAndMatchAnIndependentRecomputation() throws {
        let f = try ChainFixture.make()
        try populated(f)
        let results = try ChainVerifier(connection: f.db.connect(user: f.auditor)).verifyAll()
        #expect(results.map(\.unit) == ["BERGEN", "OSLO"])
        #expect(results.allSatisfy { $0.ok })
        for result in results {
            let links = try f.chain(unit: result.unit)
            #expect(links.map(\.seq) == Array(1...Int64(links.count)), "seq is 1…n without gaps")
            #expect(result.rows == Int64(links.count))
            #expect(result.head == (try f.recomputedHead(unit: result.unit)), "the SQL chain is the documented formula")
            #expect(result.head == (try f.storedHead(unit: result.unit).head))
            #expect(result.broken == nil)
        }
        let oslo = results.first { $0.unit == "OSLO" }!
        #expect(oslo.rows == 17 + 4 * 3, "17 rows across every table, then 4 × (entry, person, comment)")
        #expect(Set(try f.chain(unit: "OSLO").map(\.table)) == Set(try f.factTables()))
        #expect(oslo.message(.nb) == "ENHET OSLO: kjeden er hel (29 rader, hode \(oslo.headHex))")
    }

    @Test func usersVerifyTheirOwnUnitsOnly() throws {
        let f = try ChainFixture.make()
        try populated(f)
        let officer = ChainVerifier(connection: try f.db.connect(user: f.officer))
        #expect(try officer.visibleUnits() == ["OSLO"])
        #expect(try officer.verifyAll().map(\.unit) == ["OSLO"])
        #expect(try officer.verify(unit: "OSLO").ok)
        let hidden = try #require(throws: StoreError.self) { try officer.verify(unit: "BERGEN") }
        #expect(hidden.code == "unit_not_visible")
        #expect(hidden.category == .forbidden)
        let unknown = try #require(throws: StoreError.self) { try officer.verify(unit: "TROMSO") }
        #expect(unknown.category == .forbidden)
        #expect(unknown.arguments["unit"] == nil, "does not tell whether the unit exists")
    }

    @Test func aChangedByteIsReportedAtItsTableIdAndSeq() throws {
        let f = try ChainFixture.make()
        let ids = try populated(f)
        let target = ids[2]
        let link = try #require(try f.chain(unit: "OSLO").first { $0.table == "entries" && $0.id == target })
        try Tamper.changeEntryText(f.db, id: target)

        let result = try ChainVerifier(connection: f.db.connect(user: f.auditor)).verify(unit: "OSLO")
        #expect(!result.ok)
        #expect(result.broken == ChainBreak(table: "entries", id: target, seq: link.seq, problem: .contentChanged))
        #expect(result.rows == link.seq - 1, "rows before the break verified")
        #expect(result.message(.nb) == "ENHET OSLO: kjeden er brutt ved entries id \(target) (seq \(link.seq)): innholdet er endret")
        #expect(result.message(.en) == "UNIT OSLO: the chain is broken at entries id \(target) (seq \(link.seq)): the content has been changed")
        #expect(!result.message(.nb).contains("korridor"), "no row content in the message")
        // Units are separate chains: BERGEN is untouched.
        #expect(try ChainVerifier(connection: f.db.connect()).verify(unit: "BERGEN").ok)
    }

    @Test func aRemovedRowIsReportedAsMissing() throws {
        let f = try ChainFixture.make()
        try populated(f)
        let links = try f.chain(unit: "OSLO")
        let removed = try #require(links.last { $0.table == "entry_persons" })
        let next = links.first { $0.seq == removed.seq + 1 }!
        try Tamper.delete(f.db, table: "entry_persons", id: removed.id)

        let result = try ChainVerifier(connection: f.db.connect()).verify(unit: "OSLO")
        #expect(result.broken == ChainBreak(table: next.table, id: next.id, seq: next.seq, problem: .missingRow))
        #expect(result.message(.nb).hasSuffix("rader foran denne mangler (seq \(removed.seq))"))
    }

    @Test func aRemovedLastRowAndAMovedLinkAreReported() throws {
        let f = try ChainFixture.make()
        try populated(f)
        let links = try f.chain(unit: "OSLO")
        try Tamper.delete(f.db, table: links.last!.table, id: links.last!.id)
        let end = try ChainVerifier(connection: f.db.connect()).verify(unit: "OSLO")
        #expect(end.broken == ChainBreak(table: nil, id: nil, seq: links.last!.seq, problem: .rowsMissingAtEnd))

        let middle = links[5]
        try Tamper.relink(f.db, table: middle.table, id: middle.id)
        let link = try ChainVerifier(connection: f.db.connect()).verify(unit: "OSLO")
        #expect(link.broken == ChainBreak(table: middle.table, id: middle.id, seq: middle.seq, problem: .brokenLink))
    }
}
