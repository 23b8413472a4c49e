import Foundation
import Testing
import VaktloggTestSupport

/// End-to-end tests of `vaktlogg shift …` through the built binary, each against its own database.
@Suite struct ShiftCommandTests {
    let bin: VaktloggBinary

    init() throws { bin = try VaktloggBinary.locate() }

    /// Units OSLO and BERGEN; duty officers Kari (outgoing) and Per (incoming) at OSLO.
    static func setUp() throws -> (db: VaktloggTestDatabase, kari: String, per: String) {
        let db = try VaktloggTestDatabase.create(units: ["OSLO", "BERGEN"])
        let kari = "kari_\(db.suffix)", per = "per_\(db.suffix)"
        try db.sql("SELECT admin_add_user('\(kari)', 'duty_officer', ARRAY['OSLO'], 'Kari Nordmann')")
        try db.sql("SELECT admin_add_user('\(per)', 'duty_officer', ARRAY['OSLO'], 'Per Hansen')")
        return (db, kari, per)
    }

    /// An open deviation whose acknowledgement deadline (the rules': 24 hours) has passed, as
    /// `user`, through the product's write path.
    static func overdueDeviation(_ db: VaktloggTestDatabase, unit: String = "OSLO", as user: String) throws {
        try db.overdueDeviation(unit: unit, as: user)
    }

    /// An open P1 incident (violence against staff) whose deadline is still ahead, as `user` (reported
    /// now, through the product: the database gives it the rule set's 5 minutes to acknowledge).
    static func openP1(_ db: VaktloggTestDatabase, as user: String) throws {
        try db.openP1(unit: "OSLO", as: user)
    }

    @Test func startNoteHandoverAcceptRecordsBothOfficersAndTimes() throws {
        let (db, kari, per) = try Self.setUp()
        try Self.overdueDeviation(db, as: kari)            // OSLO-1: P2, overdue
        try Self.openP1(db, as: kari)                      // OSLO-2: P1, not yet due
        let bergen = try db.addUser("nils", role: "duty_officer", units: ["BERGEN"])
        try Self.overdueDeviation(db, unit: "BERGEN", as: bergen)  // another unit: never in OSLO's handover
        let asKari = db.environment(user: kari), asPer = db.environment(user: per)

        let start = try bin.run(["shift", "start"], environment: asKari)
        #expect(start.exitCode == 0, "\(start)")
        #expect(start.stdout.contains("Vakt startet ved OSLO"), "home unit by default")
        #expect(start.stdout.contains("av \(kari) (Kari Nordmann)"))

        let note = try bin.run(["shift", "note", "--text", "Runde 1 gjennomført, alt rolig"], environment: asKari)
        #expect(note.exitCode == 0, "\(note)")
        #expect(note.stdout.contains("Notat nr."))

        let handover = try bin.run(["shift", "handover"], environment: asKari)
        #expect(handover.exitCode == 0, "\(handover)")
        // The overdue deadline is the one the rules gave the deviation (reported 3 days ago + 24 h).
        let dueOslo = try db.sql("SELECT to_char(ack_due AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD HH24:MI') FROM entry_state WHERE ref = 'OSLO-1'")
        let dueUTC = try db.sql(#"SELECT to_char(ack_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM entry_state WHERE ref = 'OSLO-1'"#)
        #expect(try db.sql("SELECT ack_due > reported_at AND ack_due < now() FROM entry_state WHERE ref = 'OSLO-1'") == "t", "overdue")
        for fragment in [
            "Vaktoverlevering nr.", "— OSLO", "Overlevert av: \(kari) (Kari Nordmann)", "Vakten startet:",
            "Åpne saker: 2 — P1: 1, P2: 1, P3: 0, P4: 0", "Etter status: registrert 2",
            "Forfalte frister (1):", "OSLO-1", "dør eller lås", "frist \(dueOslo)",
            "Åpne P1 (1):", "OSLO-2", "vold mot tilsatt",
            "Notater i vakten (1):", "\(kari): Runde 1 gjennomført, alt rolig",
            "Venter på mottak: vaktlogg shift accept --handover",
        ] {
            #expect(handover.stdout.contains(fragment), "missing «\(fragment)» in\n\(handover.stdout)")
        }
        #expect(!handover.stdout.contains("BERGEN"))

        // The summary is stored with the handover row.
        let stored = try db.sql("""
            SELECT concat_ws('|', summary->>'unit', summary->>'open_total', summary->'by_priority'->>'P1',
                             summary->'by_priority'->>'P2', summary->'overdue'->0->>'ref', summary->'overdue'->0->>'next_due',
                             jsonb_array_length(summary->'overdue'), summary->'open_p1'->0->>'ref',
                             summary->'notes'->0->>'text', summary->>'shift_started_by')
            FROM shift_log WHERE event = 'handover'
            """)
        #expect(stored == "OSLO|2|1|1|OSLO-1|\(dueUTC)|1|OSLO-2|Runde 1 gjennomført, alt rolig|\(kari)")

        // The outgoing officer cannot accept their own handover; the database says no.
        let own = try bin.run(["shift", "accept"], environment: asKari)
        #expect(own.exitCode == 65, "\(own)")
        #expect(own.stderr.contains("overleveringen tas imot av innkommende vakthavende, ikke den som overleverte"), "\(own)")
        #expect(try db.sql("SELECT count(*) FROM shift_log WHERE event = 'accept'") == "0")

        let accept = try bin.run(["shift", "accept"], environment: asPer)
        #expect(accept.exitCode == 0, "\(accept)")
        #expect(accept.stdout.contains("er mottatt. Din vakt er startet."))
        #expect(accept.stdout.contains("Overlevert av: \(kari) (Kari Nordmann)"))
        #expect(accept.stdout.contains("Mottatt av:    \(per) (Per Hansen)"))
        #expect(accept.stdout.contains("OSLO-1"), "the incoming officer reads the summary")

        // Both names and both times are facts of the log.
        let pair = try db.sql("""
            SELECT concat_ws('|', h.actor, a.actor, a.unit_code, a.at >= h.at, h.at > now() - interval '10 minutes')
            FROM shift_log h JOIN shift_log a ON a.handover_id = h.id
            """)
        #expect(pair == "\(kari)|\(per)|OSLO|t|t")

        let twice = try bin.run(["shift", "accept"], environment: asPer)
        #expect(twice.exitCode == 65)
        #expect(twice.stderr.contains("ingen overlevering venter ved OSLO"), "\(twice)")
        let id = try db.sql("SELECT id FROM shift_log WHERE event = 'handover'")
        let explicit = try bin.run(["shift", "accept", "--handover", id], environment: asPer)
        #expect(explicit.exitCode == 65)
        #expect(explicit.stderr.contains("handover: overleveringen er allerede tatt imot"), "\(explicit)")

        let show = try bin.run(["shift", "show"], environment: asPer)
        #expect(show.exitCode == 0, "\(show)")
        #expect(show.stdout.contains("Vaktlogg OSLO — vakt startet"), "\(show)")
        #expect(show.stdout.contains("mottok overlevering nr. \(id)"))
        let kariShow = try bin.run(["shift", "show"], environment: asKari)
        #expect(kariShow.stdout.contains("overlevering nr. \(id) (2 åpne, 1 forfalte, 1 notater)"), "\(kariShow)")
    }

    @Test func acceptingYourOwnHandoverInEnglish() throws {
        let (db, kari, _) = try Self.setUp()
        let env = db.environment(user: kari)
        #expect(try bin.run(["shift", "start"], environment: env).exitCode == 0)
        let handover = try bin.run(["shift", "handover", "--lang", "en"], environment: env)
        #expect(handover.exitCode == 0, "\(handover)")
        #expect(handover.stdout.contains("Shift handover no."))
        #expect(handover.stdout.contains("Open entries: 0 — P1: 0, P2: 0, P3: 0, P4: 0"))
        #expect(handover.stdout.contains("Overdue deadlines (0):"))
        let own = try bin.run(["shift", "accept", "--lang", "en"], environment: env)
        #expect(own.exitCode == 65)
        #expect(own.stderr.contains("a handover is accepted by the incoming officer, not the outgoing"), "\(own)")
    }

    @Test func handoverWithoutStartTakesNotesSinceThePreviousHandover() throws {
        let (db, kari, per) = try Self.setUp()
        let asKari = db.environment(user: kari), asPer = db.environment(user: per)
        #expect(try bin.run(["shift", "note", "--text", "Før forrige overlevering"], environment: asKari).exitCode == 0)
        #expect(try bin.run(["shift", "handover"], environment: asPer).exitCode == 0)
        #expect(try bin.run(["shift", "note", "--text", "Etter forrige overlevering"], environment: asKari).exitCode == 0)
        let json = try bin.run(["shift", "handover", "--json"], environment: asKari)
        #expect(json.exitCode == 0, "\(json)")
        let row = (try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) as? [String: Any] ?? [:]
        let summary = row["summary"] as? [String: Any] ?? [:]
        #expect(row["event"] as? String == "handover")
        #expect(row["actor"] as? String == kari)
        #expect(row["actor_name"] as? String == "Kari Nordmann")
        #expect(summary["shift_started_at"] is NSNull)
        let notes = summary["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["text"] as? String } == ["Etter forrige overlevering"])
    }

    @Test func unitIsCheckedAndTextIsRequired() throws {
        let (db, kari, _) = try Self.setUp()
        let admin = try db.addUser("admin", role: "admin", units: [])
        let env = db.environment(user: kari)

        let other = try bin.run(["shift", "start", "--unit", "BERGEN"], environment: env)
        #expect(other.exitCode == 77, "\(other)")
        #expect(other.stderr.contains("unit: du kan ikke føre vaktlogg for enhet BERGEN"))
        let unknown = try bin.run(["shift", "start", "--unit", "TROMSO"], environment: env)
        #expect(unknown.exitCode == 65)
        #expect(unknown.stderr.contains("unit: ukjent enhet TROMSO"), "\(unknown)")
        let noHome = try bin.run(["shift", "start"], environment: db.environment(user: admin))
        #expect(noHome.exitCode == 65)
        #expect(noHome.stderr.contains("unit: du har ingen hjemmeenhet; oppgi enheten med --unit KODE"), "\(noHome)")
        let blank = try bin.run(["shift", "note", "--text", "   "], environment: env)
        #expect(blank.exitCode == 65)
        #expect(blank.stderr.contains("text: kan ikke være tom"), "\(blank)")
        let nothing = try bin.run(["shift", "accept"], environment: env)
        #expect(nothing.exitCode == 65)
        #expect(nothing.stderr.contains("ingen overlevering venter ved OSLO"))
        #expect(try db.sql("SELECT count(*) FROM shift_log") == "0")

        // A manager reads but does not write the shift log.
        let manager = try db.addUser("leder", role: "manager", units: ["OSLO"])
        let managerStart = try bin.run(["shift", "start"], environment: db.environment(user: manager))
        #expect(managerStart.exitCode == 77, "\(managerStart)")
        #expect(try bin.run(["shift", "show"], environment: db.environment(user: manager)).exitCode == 0)
    }
}
