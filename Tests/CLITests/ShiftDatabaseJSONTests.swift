import Foundation
import Testing
import VaktloggTestSupport

/// `--json` on `shift start|note|accept` and `db start|stop|status|migrate`: every command answers
/// in JSON when asked, with codes rather than sentences, and keeps its exit status.
@Suite struct ShiftDatabaseJSONTests {
    let bin: VaktloggBinary

    init() throws { bin = try VaktloggBinary.locate() }

    @Test func shiftStartNoteAndAcceptAnswerWithTheStoredRows() throws {
        let db = try VaktloggTestDatabase.create(units: ["OSLO"])
        let kari = "kari_\(db.suffix)", per = "per_\(db.suffix)"
        try db.sql("SELECT admin_add_user('\(kari)', 'duty_officer', ARRAY['OSLO'], 'Kari Nordmann')")
        try db.sql("SELECT admin_add_user('\(per)', 'duty_officer', ARRAY['OSLO'], 'Per Hansen')")
        let asKari = db.environment(user: kari), asPer = db.environment(user: per)

        let start = try bin.run(["shift", "start", "--json"], environment: asKari)
        #expect(start.exitCode == 0, "\(start)")
        let started = try #require(JSON.parsedObject(start.stdout), "\(start.stdout)")
        #expect(Set(started.keys) == ["entry", "unhanded_shift"])
        #expect(started["unhanded_shift"] is NSNull, "first shift: nothing left unhanded")
        let startRow = try #require(started["entry"] as? [String: Any])
        #expect(startRow["event"] as? String == "start")
        #expect(startRow["actor"] as? String == kari)
        #expect(startRow["unit"] as? String == "OSLO")

        let again = try #require(JSON.parsedObject(try bin.run(["shift", "start", "--json"], environment: asKari).stdout))
        let unhanded = try #require(again["unhanded_shift"] as? [String: Any], "the first start was never handed over")
        #expect(unhanded["id"] as? Int == startRow["id"] as? Int)

        let note = try bin.run(["shift", "note", "--text", "Runde 1 gjennomført", "--json"], environment: asKari)
        #expect(note.exitCode == 0, "\(note)")
        let noteRow = try #require(JSON.parsedObject(note.stdout))
        #expect(noteRow["event"] as? String == "note")
        #expect(noteRow["text"] as? String == "Runde 1 gjennomført")
        let stored = try db.sql("SELECT text FROM shift_log WHERE id = \(try #require(noteRow["id"] as? Int))")
        #expect(stored == "Runde 1 gjennomført", "the id printed is the row stored")

        let handover = try #require(JSON.parsedObject(try bin.run(["shift", "handover", "--json"], environment: asKari).stdout))
        let accept = try bin.run(["shift", "accept", "--json"], environment: asPer)
        #expect(accept.exitCode == 0, "\(accept)")
        let accepted = try #require(JSON.parsedObject(accept.stdout))
        #expect(Set(accepted.keys) == ["accept", "handover"])
        let acceptRow = try #require(accepted["accept"] as? [String: Any])
        #expect(acceptRow["actor"] as? String == per)
        #expect(acceptRow["handover_id"] as? Int == handover["id"] as? Int)
        #expect((accepted["handover"] as? [String: Any])?["actor"] as? String == kari)
    }

    @Test func databaseCommandsAnswerWithStateCodes() throws {
        let dir = "/tmp/vaktlogg-dbjson-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? bin.run(["db", "stop", "--data-dir", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        let before = try bin.run(["db", "status", "--data-dir", dir, "--json"])
        #expect(before.exitCode == 3, "not created still exits 3: \(before)")
        let b = try #require(JSON.parsedObject(before.stdout), "\(before.stdout)")
        #expect((b["cluster"] as? [String: Any])?["state"] as? String == "not_created")
        #expect(b["migrations"] is NSNull)

        let start = try bin.run(["db", "start", "--data-dir", dir, "--json"])
        #expect(start.exitCode == 0, "\(start)")
        let s = try #require(JSON.parsedObject(start.stdout))
        #expect(s["state"] as? String == "running")
        #expect(s["created"] as? Bool == true)
        #expect(s["data_dir"] as? String == dir)
        let second = try #require(JSON.parsedObject(try bin.run(["db", "start", "--data-dir", dir, "--json"]).stdout))
        #expect(second["created"] as? Bool == false)

        let migrate = try bin.run(["db", "migrate", "--json"], environment: ["VAKTLOGG_DATA_DIR": dir])
        #expect(migrate.exitCode == 0, "\(migrate)")
        let m = try #require(JSON.parsedObject(migrate.stdout))
        let total = try #require(m["total"] as? Int)
        let applied = try #require(m["applied"] as? [[String: Any]])
        #expect(applied.count == total, "a new cluster gets every migration")
        #expect(applied.first?["name"] as? String == "001_reference.sql")
        let again = try #require(JSON.parsedObject(try bin.run(["db", "migrate", "--json"], environment: ["VAKTLOGG_DATA_DIR": dir]).stdout))
        #expect((again["applied"] as? [Any])?.isEmpty == true, "nothing left to apply the second time")

        let running = try bin.run(["db", "status", "--json"], environment: ["VAKTLOGG_DATA_DIR": dir])
        #expect(running.exitCode == 0, "\(running)")
        let r = try #require(JSON.parsedObject(running.stdout))
        let cluster = try #require(r["cluster"] as? [String: Any])
        #expect(cluster["state"] as? String == "running")
        #expect(cluster["socket_dir"] as? String == "\(dir)/socket")
        #expect(cluster["pid"] is Int)
        let lines = try #require(r["migrations"] as? [[String: Any]])
        #expect(lines.count == total)
        #expect(lines.allSatisfy { $0["state"] as? String == "applied" && $0["applied_at"] is String })

        let stop = try bin.run(["db", "stop", "--data-dir", dir, "--json"])
        #expect(stop.exitCode == 0, "\(stop)")
        #expect(try #require(JSON.parsedObject(stop.stdout))["state"] as? String == "stopped")
        let after = try bin.run(["db", "status", "--data-dir", dir, "--json"])
        #expect(after.exitCode == 3)
        #expect((try #require(JSON.parsedObject(after.stdout))["cluster"] as? [String: Any])?["state"] as? String == "stopped")
    }
}
