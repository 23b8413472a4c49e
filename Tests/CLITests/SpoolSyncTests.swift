import EmbeddedPostgres
import Foundation
import Postgres
import PostgresTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

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

    /// A drug find with an acute danger to life (ksf-2006.2 gives `contraband_drugs` only
    /// `security`; the reporter adds `life_health`), so it is P1 with the 5-minute acknowledgement.
    static let entry = ["--category", "contraband_drugs", "--interest", "life_health", "--probability", "3", "--consequence", "3"]

    @Test func offlineLogIsSpooledAndSyncDeliversItOnceWithTheOriginalTime() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let offline = w.offlineEnvironment(officer)
        for i in 1...2 {
            // Under a permissive umask: 0600/0700 below must come from the code, not the mask.
            let r = try w.bin.run(["log", "incident"] + Self.entry + ["--text", "Funn av hasj \(i)"], environment: offline, umask: "000")
            #expect(r.exitCode == 69, "\(r)")
            #expect(r.stdout == "")
            #expect(r.stderr.hasPrefix("vaktlogg: databasen kan ikke nås ("), "\(r)")
            #expect(r.stderr.contains("). Oppføringen er lagret lokalt i køen og leveres med `vaktlogg sync`.\n"))
            #expect(r.stderr.hasSuffix("Merk: \(i) oppføring(er) venter i den lokale køen. Kjør `vaktlogg sync` når databasen er tilgjengelig.\n"))
        }
        let json = try w.bin.run(["log", "incident", "--input", "-", "--json"], environment: offline,
                                 stdin: JSON.text(["kind": "incident", "category": "fire", "text": "Røyk fra celle", "probability": 2, "consequence": 2]),
                                 umask: "000")
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

        // The server's clock before delivery: every entry was reported before it and stored after.
        let syncStart = try w.sql("SELECT now()")
        let sync = try w.run(officer, ["sync"])
        #expect(sync.exitCode == 0, "\(sync)")
        #expect(sync.stdoutLines.count == 4)
        #expect(sync.stdoutLines.first?.hasPrefix("Levert: OSLO-1 · P1 (meldt ") == true, "\(sync)")
        #expect(sync.stderr == "")
        #expect(w.spooled().isEmpty)
        #expect(try Self.stored(w.sql) == spooled, "each entry once, in order, with the time it was reported")
        #expect(try w.count("entries", where: "reported_at < '\(syncStart)'::timestamptz AND recorded_at >= '\(syncStart)'::timestamptz") == 4)
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
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            if let r = try? w.run(officer, ["sync"]) { results.mutate { $0.append(r) } }
        }
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

        // Now stop the server in the middle of a sync. A test-only trigger makes the ninth delivery
        // wait for an advisory lock this test holds, so the shutdown falls exactly there: eight
        // entries delivered, the ninth in flight, fifteen not yet tried. No sleeps, no timing.
        try cluster.stop()
        for i in 1...24 { #expect(try log("Kø \(i)").exitCode == 69) }
        let queued = Self.read(spooled())
        #expect(queued.count == 24)
        try cluster.start()
        _ = try sql("""
            CREATE FUNCTION test_hold_ninth() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.text = 'Kø 9' THEN PERFORM pg_advisory_xact_lock(4242015); END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER zz_test_hold AFTER INSERT ON entries FOR EACH ROW EXECUTE FUNCTION test_hold_ninth();
            """)
        let holder = try Connection(cluster.connectionString(database: "vaktlogg"))
        _ = try holder.query("SELECT pg_advisory_lock(4242015)")
        let outcome = Locked<VaktloggBinary.Result?>(nil)
        let done = DispatchGroup()
        done.enter()
        Thread { outcome.mutate { $0 = try? bin.run(["sync"], environment: env) }; done.leave() }.start()
        // Wait for the condition itself: the sync's session is blocked on the lock.
        while try holder.query("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            .first!.decode(Int.self, "n") == 0 {
            sched_yield()
        }
        #expect(try sql("SELECT count(*) FROM entries WHERE text LIKE 'Kø %'") == "8")
        // Stopped while the lock is still held, so the ninth insert never commits.
        try cluster.stop(mode: .immediate)
        holder.close()
        done.wait()
        let cut = try #require(outcome.value)
        #expect(cut.exitCode == 69, "\(cut)")
        #expect(cut.stderr.contains("vaktlogg: forbindelsen brøt; resten blir liggende i køen"), "\(cut)")
        let left = spooled().count
        #expect(left == 16, "the ninth entry and the fifteen after it stay spooled (\(left) left)")

        try cluster.start()
        let storedBefore = Int(try sql("SELECT count(*) FROM entries")) ?? 0
        #expect(storedBefore + left == 28, "nothing lost: every entry is stored or still spooled")
        _ = try sql("DROP TRIGGER zz_test_hold ON entries")
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
