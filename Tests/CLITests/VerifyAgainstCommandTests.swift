import Foundation
import Testing
import VaktloggTestSupport

/// `vaktlogg verify` through the binary for the problems a superuser's tampering leaves: two rows
/// claiming one seq (`duplicate_seq`), and — against heads exported earlier — a history rewritten
/// so that it verifies again (`history_rewritten`) or cut short (`shorter_than_export`). Exit 65.
@Suite("vaktlogg verify: duplicate seq and --against")
struct VerifyAgainstCommandTests {
    /// OSLO with three entries and a comment on each (6 rows), logged through the product.
    private func database() throws -> (db: VaktloggTestDatabase, auditor: String, entries: [Int64]) {
        let db = try VaktloggTestDatabase.create(units: ["OSLO"])
        let officer = try db.addUser("kari", role: "duty_officer", units: ["OSLO"])
        let auditor = try db.addUser("revisor", role: "auditor", units: [])
        let writer = FactWriter(try db.connect(user: officer))
        var entries: [Int64] = []
        for _ in 1...3 {
            let id = try writer.entry(unit: "OSLO").id
            try writer.comment(entry: id)
            entries.append(id)
        }
        return (db, auditor, entries)
    }

    private func exportHeads(_ bin: VaktloggBinary, _ db: VaktloggTestDatabase, as user: String) throws -> String {
        let file = "/tmp/vaktlogg-heads-\(UUID().uuidString.prefix(8)).jsonl"
        let export = try bin.run(["verify", "--export-head", file], environment: db.environment(user: user))
        try #require(export.exitCode == 0, "\(export)")
        return file
    }

    @Test func twoRowsWithOneSeqExit65AsDuplicateSeq() throws {
        let bin = try VaktloggBinary.locate()
        let (db, auditor, entries) = try database()
        // Positive control: intact before.
        #expect(try bin.run(["verify", "--json", "--unit", "OSLO"], environment: db.environment(user: auditor)).exitCode == 0)
        try db.sql("""
            SET session_replication_role = replica;
            UPDATE entry_events SET chain_seq = (SELECT chain_seq FROM entries WHERE id = \(entries[1])) WHERE entry_id = \(entries[1]);
            """)
        let r = try bin.run(["verify", "--json", "--unit", "OSLO"], environment: db.environment(user: auditor))
        #expect(r.exitCode == 65, "\(r)")
        let object = try #require(JSON.parsedObject(r.stdout), "\(r)")
        #expect(object["ok"] as? Bool == false)
        #expect(object["problem"] as? String == "duplicate_seq", "\(object)")
        #expect(object["broken_seq"] as? Int == 3, "\(object)")
    }

    @Test func aRewrittenHistoryExits65AgainstItsExportedHead() throws {
        let bin = try VaktloggBinary.locate()
        let (db, auditor, entries) = try database()
        let file = try exportHeads(bin, db, as: auditor)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try bin.run(["verify", "--against", file], environment: db.environment(user: auditor)).exitCode == 0,
                "positive control: the untouched chain matches its exported head")

        try Tamper.changeEntryText(db, id: entries[1])
        try Tamper.rewriteChain(db, unit: "OSLO")
        // Inside the database the rewrite is complete…
        #expect(try bin.run(["verify"], environment: db.environment(user: auditor)).exitCode == 0)
        // …but not against the head exported before it.
        let r = try bin.run(["verify", "--json", "--against", file], environment: db.environment(user: auditor))
        #expect(r.exitCode == 65, "\(r)")
        let object = try #require(JSON.parsedObject(r.stdout), "\(r)")
        #expect(object["problem"] as? String == "history_rewritten", "\(object)")
        let human = try bin.run(["verify", "--against", file], environment: db.environment(user: auditor))
        #expect(human.exitCode == 65)
        #expect(human.stdout.contains("ENHET OSLO"), "\(human)")
        #expect(!human.stdout.contains("korridor"), "no row content")
    }

    @Test func aChainCutShorterThanItsExportExits65() throws {
        let bin = try VaktloggBinary.locate()
        let (db, auditor, _) = try database()
        let file = try exportHeads(bin, db, as: auditor)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Tamper.truncateChain(db, unit: "OSLO", keep: 4)
        #expect(try bin.run(["verify"], environment: db.environment(user: auditor)).exitCode == 0, "the short chain is consistent in itself")
        let r = try bin.run(["verify", "--json", "--against", file], environment: db.environment(user: auditor))
        #expect(r.exitCode == 65, "\(r)")
        let object = try #require(JSON.parsedObject(r.stdout), "\(r)")
        #expect(object["problem"] as? String == "shorter_than_export", "\(object)")
        #expect(object["rows"] as? Int == 4, "\(object)")
    }
}
