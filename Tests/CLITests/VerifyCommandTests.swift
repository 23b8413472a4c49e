import Foundation
import Postgres
import Testing
import VaktloggTestSupport

@Suite("vaktlogg verify")
struct VerifyCommandTests {
    /// OSLO with three entries and a comment on each (6 rows); BERGEN empty.
    private func database() throws -> (db: VaktloggTestDatabase, officer: String, auditor: String, entries: [Int64]) {
        let db = try VaktloggTestDatabase.create(units: ["OSLO", "BERGEN"])
        let officer = try db.addUser("kari", role: "duty_officer", units: ["OSLO"])
        let auditor = try db.addUser("revisor", role: "auditor", units: [])
        let writer = FactWriter(try db.connect(user: officer))
        var entries: [Int64] = []
        for _ in 1...3 {
            let id = try writer.entry(unit: "OSLO").id
            try writer.comment(entry: id)
            entries.append(id)
        }
        return (db, officer, auditor, entries)
    }

    private func temporaryFile() -> String { "/tmp/vaktlogg-heads-\(UUID().uuidString.prefix(8)).jsonl" }

    @Test func cleanChainsExitZeroAndExportTheirHeads() throws {
        let bin = try VaktloggBinary.locate()
        let (db, officer, auditor, _) = try database()
        let mine = try bin.run(["verify"], environment: db.environment(user: officer))
        #expect(mine.exitCode == 0, "\(mine)")
        let osloHead = try db.sql("SELECT encode(head, 'hex') FROM chain_heads WHERE unit_code = 'OSLO'")
        #expect(mine.stdoutLines == ["ENHET OSLO: kjeden er hel (6 rader, hode \(osloHead))"], "an officer sees only OSLO")

        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let export = try bin.run(["verify", "--export-head", file], environment: db.environment(user: auditor))
        #expect(export.exitCode == 0, "\(export)")
        #expect(export.stdoutLines.count == 2)
        #expect(export.stderr.contains("2 kjedehoder skrevet til \(file)"))
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let heads = try lines.map { try #require(JSON.parsedObject(String($0)), "not a JSON object: \($0)") }
        #expect(heads.map { $0["unit"] as? String } == ["BERGEN", "OSLO"])
        #expect(heads[1]["rows"] as? Int == 6)
        #expect(heads[1]["head"] as? String == osloHead)
        #expect(heads[0]["rows"] as? Int == 0)
        #expect(heads[0]["head"] as? String == (try db.sql("SELECT encode(chain_genesis('BERGEN'), 'hex')")))
        #expect((heads[1]["verified_at"] as? String)?.hasSuffix("Z") == true)
        #expect(lines[1].hasPrefix("{\"unit\":\"OSLO\",\"rows\":6,\"head\":"), "keys in the documented order")

        let against = try bin.run(["verify", "--against", file, "--unit", "oslo"], environment: db.environment(user: officer))
        #expect(against.exitCode == 0, "\(against)")
        #expect(against.stdout.contains("stemmer med hodet eksportert"))
    }

    @Test func aChangedRowExits65NamingTableIdSeqAndProblem() throws {
        let bin = try VaktloggBinary.locate()
        let (db, officer, auditor, entries) = try database()
        let target = entries[1]
        let seq = try db.sql("SELECT chain_seq FROM entries WHERE id = \(target)")
        #expect(seq == "3")
        try db.sql("""
            SET session_replication_role = replica;
            UPDATE entries SET text = replace(text, 'korridor B', 'korridor C') WHERE id = \(target);
            """)

        let nb = try bin.run(["verify"], environment: db.environment(user: officer))
        #expect(nb.exitCode == 65, "\(nb)")
        #expect(nb.stdoutLines == ["ENHET OSLO: kjeden er brutt ved entries id \(target) (seq 3): innholdet er endret"])
        #expect(nb.stderr.contains("1 av 1 kjeder er brutt"))
        #expect(!nb.stdout.contains("korridor") && !nb.stderr.contains("korridor"), "no row content")

        let en = try bin.run(["verify", "--lang", "en", "--unit", "OSLO"], environment: db.environment(user: auditor))
        #expect(en.exitCode == 65)
        #expect(en.stdoutLines == ["UNIT OSLO: the chain is broken at entries id \(target) (seq 3): the content has been changed"])

        let json = try bin.run(["verify", "--json", "--unit", "OSLO"], environment: db.environment(user: officer))
        #expect(json.exitCode == 65)
        let object = try #require(JSON.parsedObject(json.stdout), "not a JSON object: \(json)")
        #expect(object["ok"] as? Bool == false)
        #expect(object["problem"] as? String == "content_changed")
        #expect(object["broken_table"] as? String == "entries")
        #expect(object["broken_id"] as? Int == Int(target))
        #expect(object["broken_seq"] as? Int == 3)
        #expect(object["rows"] as? Int == 2)

        let file = temporaryFile()
        let export = try bin.run(["verify", "--export-head", file], environment: db.environment(user: auditor))
        #expect(export.exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: file), "the head of a broken chain is not exported")
    }

    @Test func anInvisibleUnitExits77AndNoDatabaseExits69() throws {
        let bin = try VaktloggBinary.locate()
        let (db, officer, _, _) = try database()
        let hidden = try bin.run(["verify", "--unit", "BERGEN"], environment: db.environment(user: officer))
        #expect(hidden.exitCode == 77, "\(hidden)")
        #expect(hidden.stderr.contains("ikke synlig for deg"))
        #expect(hidden.stdout.isEmpty)

        let nowhere = try bin.run(["verify"], environment: [
            "VAKTLOGG_DATABASE_URL": "postgresql://nobody@/none?host=/tmp/vaktlogg-no-such-socket",
        ])
        #expect(nowhere.exitCode == 69, "\(nowhere)")
        #expect(nowhere.stderr.contains("databasen kan ikke nås"))

        let file = temporaryFile()
        try Data("not a head\n".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let bad = try bin.run(["verify", "--against", file], environment: db.environment(user: officer))
        #expect(bad.exitCode == 65)
        #expect(bad.stderr.contains("\(file):1: ikke et eksportert kjedehode"))
    }
}
