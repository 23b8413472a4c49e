import EmbeddedPostgres
import Foundation
import PostgresTestSupport
import Testing

/// The offline spool and `vaktlogg sync` end to end: with PostgreSQL unreachable `log` exits 69 and
/// keeps the entry in a 0600 file; `sync` delivers each exactly once with its original reported
/// time, however often or however interrupted it runs.
@Suite struct SpoolSyncTests {
    /// What a spool file says about its entry.
    struct Spooled: Hashable {
        let key: String
        let reportedAt: String
        let text: String
    }

    static func read(_ files: [URL]) -> [Spooled] {
        files.compactMap { url in
            guard let data = FileManager.default.contents(atPath: url.path),
                  let draft = JSON.object(String(decoding: data, as: UTF8.self))["draft"] as? [String: Any] else { return nil }
            return Spooled(key: (draft["idempotency_key"] as? String ?? "").lowercased(),
                           reportedAt: draft["reported_at"] as? String ?? "", text: draft["text"] as? String ?? "")
        }
    }

    /// Entries as stored: idempotency key, reported time (UTC, whole seconds as spooled) and text.
    static func stored(_ sql: (String) throws -> String) throws -> [Spooled] {
        try sql("""
            SELECT idempotency_key || '|' || to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '|' || text
              FROM entries ORDER BY id
            """).split(separator: "\n").map { line in
            let parts = line.split(separator: "|", maxSplits: 2).map(String.init)
            return Spooled(key: parts[0], reportedAt: parts[1], text: parts.count > 2 ? parts[2] : "")
        }
    }

    static let entry = ["--category", "contraband_drugs", "--probability", "3", "--consequence", "3"]

    @Test func offlineLogIsSpooledAndSyncDeliversItOnceWithTheOriginalTime() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let offline = w.offlineEnvironment(officer)
        for i in 1...2 {
            let r = try w.bin.run(["log", "incident"] + Self.entry + ["--text", "Funn av hasj \(i)"], environment: offline)
            #expect(r.exitCode == 69, "\(r)")
            #expect(r.stdout == "")
            #expect(r.stderr.hasPrefix("vaktlogg: databasen kan ikke nås ("), "\(r)")
            #expect(r.stderr.contains("). Oppføringen er lagret lokalt i køen og leveres med `vaktlogg sync`.\n"))
            #expect(r.stderr.hasSuffix("Merk: \(i) oppføring(er) venter i den lokale køen. Kjør `vaktlogg sync` når databasen er tilgjengelig.\n"))
        }
        let json = try w.bin.run(["log", "incident", "--input", "-", "--json"], environment: offline,
                                 stdin: JSON.text(["kind": "incident", "category": "fire", "text": "Røyk fra celle", "probability": 2, "consequence": 2]))
        #expect(json.exitCode == 69, "\(json)")
        let english = try w.bin.run(["log", "deviation", "--category", "maintenance", "--text", "Port henger", "--probability", "1",
                                     "--consequence", "1", "--lang", "en"], environment: offline)
        #expect(english.exitCode == 69)
        #expect(english.stderr.contains("). The entry is saved locally in the spool; deliver it with `vaktlogg sync`.\n"), "\(english)")

        let files = w.spooled()
        #expect(files.count == 4, "one file per entry")
        #expect(files.allSatisfy { fileMode($0) == 0o600 }, "\(files.map { String(fileMode($0), radix: 8) })")
        #expect(fileMode(w.spool) == 0o700)
        let spooled = Self.read(files)
        #expect(spooled.map(\.text) == ["Funn av hasj 1", "Funn av hasj 2", "Røyk fra celle", "Port henger"], "delivery order is spool order")
        #expect(Set(spooled.map(\.key)).count == 4)
        #expect(try w.count("entries") == 0)

        // `list` reminds of the spool, whether or not the database can be reached.
        let listOffline = try w.bin.run(["list"], environment: offline)
        #expect(listOffline.exitCode == 69)
        #expect(listOffline.stderr.hasSuffix("Merk: 4 oppføring(er) venter i den lokale køen. Kjør `vaktlogg sync` når databasen er tilgjengelig.\n"), "\(listOffline)")
        let listOnline = try w.run(officer, ["list"])
        #expect(listOnline.exitCode == 0)
        #expect(listOnline.stdout == "Ingen oppføringer.\n")
        #expect(listOnline.stderr == "Merk: 4 oppføring(er) venter i den lokale køen. Kjør `vaktlogg sync` når databasen er tilgjengelig.\n")
        let listEnglish = try w.run(officer, ["list", "--lang", "en"])
        #expect(listEnglish.stderr == "Note: 4 entries wait in the local spool. Run `vaktlogg sync` when the database is available.\n")

        let syncOffline = try w.bin.run(["sync"], environment: offline)
        #expect(syncOffline.exitCode == 69)
        #expect(w.spooled().count == 4)

        Thread.sleep(forTimeInterval: 1.1)  // so that "stored" is visibly later than "reported"
        let sync = try w.run(officer, ["sync"])
        #expect(sync.exitCode == 0, "\(sync)")
        #expect(sync.stdoutLines.count == 4)
        #expect(sync.stdoutLines.first?.hasPrefix("Levert: OSLO-1 · P1 (meldt ") == true, "\(sync)")
        #expect(sync.stderr == "")
        #expect(w.spooled().isEmpty)
        #expect(try Self.stored(w.sql) == spooled, "each entry once, in order, with the time it was reported")
        #expect(try w.count("entries", where: "recorded_at > reported_at") == 4)
        #expect(try w.sql("SELECT string_agg(ref || ':' || reporter, ',' ORDER BY id) FROM entries")
                == "OSLO-1:\(officer),OSLO-2:\(officer),OSLO-3:\(officer),OSLO-4:\(officer)")
        // The deadlines run from the reported time, not from the delivery.
        #expect(try w.count("entry_state", where: "ack_due = reported_at + interval '5 minutes'") == 3)

        let again = try w.run(officer, ["sync"])
        #expect(again.exitCode == 0)
        #expect(again.stdout == "Køen er tom.\n")
        #expect(try w.count("entries") == 4)
        #expect(try w.run(officer, ["list"]).stderr == "", "no reminder once the spool is empty")
        #expect(try w.chainIntact("OSLO"))
    }

    /// A delivered file that reappears (sync killed between commit and removal, a restored backup)
    /// is recognised by its idempotency key: nothing is stored twice, no reference is skipped and
    /// the chain stays intact.
    @Test func aDeliveredFileThatReappearsIsNotStoredAgain() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        for text in ["Hasj i sko", "Hasj i bok"] {
            #expect(try w.bin.run(["log", "incident"] + Self.entry + ["--text", text], environment: w.offlineEnvironment(officer)).exitCode == 69)
        }
        let files = w.spooled()
        let copies = try files.map { try Data(contentsOf: $0) }
        #expect(try w.run(officer, ["sync"]).exitCode == 0)
        #expect(w.spooled().isEmpty)
        for (file, data) in zip(files, copies) { try data.write(to: file) }

        let again = try w.run(officer, ["sync", "--json"])
        #expect(again.exitCode == 0, "\(again)")
        let lines = again.stdoutLines.map(JSON.object)
        #expect(lines.map { $0["ref"] as? String } == ["OSLO-1", "OSLO-2"])
        #expect(lines.allSatisfy { $0["already_stored"] as? Bool == true })
        #expect(w.spooled().isEmpty)
        #expect(try w.count("entries") == 2)
        #expect(try w.chainIntact("OSLO"))
        #expect(try w.log(officer, "incident", Self.entry + ["--text", "Neste"]) == "OSLO-3", "no reference number skipped")
        #expect(try w.chainIntact("OSLO"))
    }

    /// Two syncs of the same spool at once (two terminals) store each entry once.
    @Test func concurrentSyncsStoreEachEntryOnce() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        for i in 1...12 {
            #expect(try w.bin.run(["log", "incident"] + Self.entry + ["--text", "Funn \(i)"], environment: w.offlineEnvironment(officer)).exitCode == 69)
        }
        let spooled = Self.read(w.spooled())
        let results = Locked<[VaktloggBinary.Result]>([])
        let threads = (0..<3).map { _ in
            Thread { if let r = try? w.run(officer, ["sync"]) { results.mutate { $0.append(r) } } }
        }
        threads.forEach { $0.start() }
        while results.value.count < 3 && threads.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.02) }
        #expect(results.value.count == 3)
        #expect(results.value.allSatisfy { $0.exitCode == 0 }, "\(results.value)")
        #expect(w.spooled().isEmpty)
        #expect(try Set(Self.stored(w.sql)) == Set(spooled))
        #expect(try w.count("entries") == 12)
        #expect(try w.sql("SELECT string_agg(ref, ',' ORDER BY id) FROM entries") == (1...12).map { "OSLO-\($0)" }.joined(separator: ","))
        #expect(try w.chainIntact("OSLO"))
    }

    /// A real PostgreSQL, stopped and restarted: entries logged while it is down are delivered after;
    /// a sync cut off by an immediate shutdown in the middle loses and duplicates nothing.
    @Test func postgresStoppedAndRestartedInTheMiddle() throws {
        let dir = URL(fileURLWithPath: "/tmp/vaktlogg-restart-\(UUID().uuidString.prefix(8).lowercased())")
        let cluster = try EmbeddedCluster(directory: dir)
        let spool = dir.appendingPathComponent("spool")
        defer {
            try? cluster.stop(mode: .immediate)
            try? FileManager.default.removeItem(at: dir)
        }
        try cluster.initializeIfNeeded()
        try cluster.start()
        let bin = try VaktloggBinary.locate()
        // The binary creates, migrates and bootstraps its database in the cluster, as on a fresh install.
        let boot = try bin.run(["list"], environment: ["VAKTLOGG_DATA_DIR": dir.path, "VAKTLOGG_DATABASE_URL": nil, "VAKTLOGG_USER": nil,
                                                       "VAKTLOGG_SPOOL_DIR": spool.path, "VAKTLOGG_LANG": "nb"])
        #expect(boot.exitCode == 0, "\(boot)")
        func sql(_ text: String) throws -> String { try cluster.psql(database: "vaktlogg", text) }
        _ = try sql("SELECT admin_add_region('OST', 'Øst'); SELECT admin_add_unit('OSLO', 'Oslo fengsel', 'prison_high', 'OST'); SELECT admin_add_user('ola', 'duty_officer', ARRAY['OSLO'])")
        let host = cluster.socketDirectory.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let env: [String: String?] = ["VAKTLOGG_DATABASE_URL": "postgresql://ola@/vaktlogg?host=\(host)", "VAKTLOGG_SPOOL_DIR": spool.path,
                                      "VAKTLOGG_LANG": "nb", "VAKTLOGG_DATA_DIR": nil]
        func log(_ text: String) throws -> VaktloggBinary.Result {
            try bin.run(["log", "incident"] + Self.entry + ["--text", text], environment: env)
        }
        func spooled() -> [URL] {
            ((try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
                .sorted().map { spool.appendingPathComponent($0) }
        }

        #expect(try log("Før stopp").exitCode == 0)
        try cluster.stop()
        for i in 1...3 {
            let r = try log("Under stopp \(i)")
            #expect(r.exitCode == 69, "\(r)")
            #expect(r.stderr.hasPrefix("vaktlogg: databasen kan ikke nås ("))
        }
        #expect(spooled().count == 3)
        try cluster.start()
        let first = Self.read(spooled())
        let sync = try bin.run(["sync"], environment: env)
        #expect(sync.exitCode == 0, "\(sync)")
        #expect(sync.stdoutLines.map { String($0.prefix(14)) } == ["Levert: OSLO-2", "Levert: OSLO-3", "Levert: OSLO-4"])
        #expect(try Array(Self.stored(sql).dropFirst()) == first)

        // Now stop the server in the middle of a sync. A test-only trigger slows each insert down so
        // that the shutdown certainly falls while entries are being delivered.
        try cluster.stop()
        for i in 1...24 { #expect(try log("Kø \(i)").exitCode == 69) }
        let queued = Self.read(spooled())
        #expect(queued.count == 24)
        try cluster.start()
        _ = try sql("""
            CREATE FUNCTION test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.15); RETURN NULL; END $$;
            CREATE TRIGGER zz_test_slow AFTER INSERT ON entries FOR EACH ROW EXECUTE FUNCTION test_slow_insert();
            """)
        let outcome = Locked<VaktloggBinary.Result?>(nil)
        let syncer = Thread { outcome.mutate { $0 = try? bin.run(["sync"], environment: env) } }
        syncer.start()
        var delivered = 0
        let deadline = Date().addingTimeInterval(60)
        while delivered < 8 && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            delivered = Int(try sql("SELECT count(*) FROM entries")) ?? 0
        }
        try cluster.stop(mode: .immediate)
        while !syncer.isFinished { Thread.sleep(forTimeInterval: 0.02) }
        let cut = try #require(outcome.value)
        #expect(cut.exitCode == 69, "\(cut)")
        #expect(cut.stderr.contains("vaktlogg: forbindelsen brøt; resten blir liggende i køen"), "\(cut)")
        let left = spooled().count
        #expect(left > 0 && left < 24, "the sync was cut off in the middle (\(left) left)")

        try cluster.start()
        let storedBefore = Int(try sql("SELECT count(*) FROM entries")) ?? 0
        #expect(storedBefore + left >= 28, "nothing lost: every entry is stored or still spooled")
        _ = try sql("DROP TRIGGER zz_test_slow ON entries")
        let resumed = try bin.run(["sync"], environment: env)
        #expect(resumed.exitCode == 0, "\(resumed)")
        #expect(spooled().isEmpty)
        let all = try Self.stored(sql)
        #expect(all.count == 28)
        #expect(Set(all.map(\.key)).count == 28, "no entry stored twice")
        #expect(Array(all.suffix(24)) == queued, "every queued entry once, in order, with its reported time")
        #expect(try sql("SELECT string_agg(ref, ',' ORDER BY id) FROM entries") == (1...28).map { "OSLO-\($0)" }.joined(separator: ","))
        #expect(try sql("SELECT ok FROM verify_chain('OSLO')") == "t")
    }
}

/// A value shared with a thread.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
