// LogBench: entries per second through the full write path (EntryWriter: validation, rules
// judgement and trace, unit resolution, insert with the schema's triggers — reference, chain,
// projection, notify — in one transaction) on 1 and 4 connections, against a raw-insert pgbench
// baseline of the same row shape in the same run, on a throwaway cluster.
//
//   swift build -c release --scratch-path .build-cli --product LogBench
//   .build-cli/release/LogBench            # LOGBENCH_SECONDS (default 5), LOGBENCH_REPS (default 3)
//
// Method and numbers: bench/README.md, "CLI: log latency and write-path throughput".

import Foundation
import Logging
import Postgres
import PostgresTestSupport
import Rules
import Store
import VaktloggCore
import VaktloggTestSupport
import EmbeddedPostgres

let env = ProcessInfo.processInfo.environment
let seconds = Double(env["LOGBENCH_SECONDS"] ?? "") ?? 5
let reps = Int(env["LOGBENCH_REPS"] ?? "") ?? 3
let units = ["OSLO", "ILA", "BERG", "TRON"]

func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

LoggingSystem.bootstrap { label in
    var h = StreamLogHandler.standardError(label: label)
    h.logLevel = .warning
    return h
}

let db = try VaktloggTestDatabase.create(prefix: "logbench", units: units)
let officer = try db.addUser("bench", role: "duty_officer", units: units)
let cluster = db.database.cluster
let userConnection = db.database.connectionString(user: officer)

/// The entry every case writes: a P1 incident as a duty officer types it.
func draft(unit: String) -> EntryDraft {
    var d = EntryDraft(kind: .incident, category: "fire", text: "Røyk fra celle 12, slukket med apparat. Innsatt flyttet til celle 14.")
    d.unit = unit
    d.probability = 3
    d.consequence = 4
    return d
}

/// Runs `body` on `n` threads started together for `seconds`; returns operations per second.
func throughput(_ n: Int, _ body: (Int) throws -> (() throws -> Void)) throws -> Double {
    let start = DispatchSemaphore(value: 0)
    let done = DispatchGroup()
    let counts = Counts(n)
    for i in 0..<n {
        let step = Step(try body(i))
        done.enter()
        Thread {
            start.wait()
            let deadline = Date().addingTimeInterval(seconds)
            var k = 0
            do {
                while Date() < deadline {
                    try step.run()
                    k += 1
                }
            } catch {
                log("worker \(i): \(error)")
            }
            counts.set(i, k)
            done.leave()
        }.start()
    }
    let began = Date()
    for _ in 0..<n { start.signal() }
    done.wait()
    return Double(counts.total) / Date().timeIntervalSince(began)
}

/// One worker's operation; each worker owns its connection, so handing it to the thread is safe.
final class Step: @unchecked Sendable {
    let run: () throws -> Void
    init(_ run: @escaping () throws -> Void) { self.run = run }
}

final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int]
    init(_ n: Int) { values = Array(repeating: 0, count: n) }
    func set(_ i: Int, _ v: Int) { lock.withLock { values[i] = v } }
    var total: Int { lock.withLock { values.reduce(0, +) } }
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// The full write path: one connection per worker, EntryWriter.log per entry.
func writer(connections n: Int, unitsUsed: Int) throws -> Double {
    try throughput(n) { i in
        let c = try Connection(userConnection)
        let w = StoreSession(connection: c).entries
        let d = draft(unit: units[i % unitsUsed])
        return { _ = try w.log(d) }
    }
}

/// The same INSERT EntryWriter sends, as the same user, autocommit, judged once up front: the cost
/// of the schema's triggers and row-level security without the client-side work and round trips.
func insertOnly(connections n: Int, unitsUsed: Int) throws -> Double {
    let engine = RulesEngine()
    return try throughput(n) { i in
        let c = try Connection(userConnection)
        let d = draft(unit: units[i % unitsUsed])
        let now = Date()
        let j = try EntryJudgement(draft: d, reportedAt: now, occurredAt: now, engine: engine)
        let trace = j.trace.canonicalJSON
        let deadlines = j.deadlinesJSON
        let unit = units[i % unitsUsed]
        return {
            try c.execute("""
                INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests,
                    probability, consequence, risk_score, tier, priority, police_decision_required,
                    rules_version, rules_hash, trace, deadlines, idempotency_key)
                VALUES ('incident', 'fire', \(unit), now(), now(), 'correctional_security', \(d.text), \(j.interests.map(\.rawValue)),
                    3, 4, \(j.risk.score), \(j.priority.tier), \(j.priority.rawValue), false, \(j.rulesVersion), \(j.rulesHash),
                    \(trace, as: .jsonb), \(deadlines, as: .jsonb), \(UUID()))
                """)
        }
    }
}

/// Validation and the rules' judgement with its trace, no database: the client-side CPU per entry.
func judgementOnly() throws -> Double {
    let engine = RulesEngine()
    let d = draft(unit: "OSLO")
    return try throughput(1) { _ in
        return {
            let now = Date()
            _ = d.validationErrors(now: now)
            let j = try EntryJudgement(draft: d, reportedAt: now, occurredAt: now, engine: engine)
            _ = j.trace.canonicalJSON
            _ = j.deadlinesJSON
        }
    }
}

/// pgbench inserting the same row shape into a plain table with the same columns and indexes but
/// no triggers, no row-level security and no projection, as the superuser over the socket.
func pgbenchSetup() throws -> URL {
    try db.sql("""
        CREATE TABLE bench_raw (LIKE entries INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES);
        CREATE SEQUENCE bench_ref;
        """)
    // Take the values of an entry EntryWriter stored, so the row is the same size.
    let c = try Connection(userConnection)
    defer { c.close() }
    _ = try StoreSession(connection: c).entries.log(draft(unit: "OSLO"))
    let values = try db.sql("""
        SELECT format('%L, %L, %L, %L, %L, %L, %L, %s, %s, %s, %s, %L, %L, %L, %L, %L::jsonb, %L::jsonb',
                      kind, category, unit_code, reporter, domain, text, interests, probability, consequence, risk_score,
                      tier, priority, police_decision_required, rules_version, rules_hash, trace, deadlines)
          FROM entries ORDER BY id LIMIT 1
        """)
    let script = """
        INSERT INTO bench_raw (ref, occurred_at, reported_at, recorded_at, kind, category, unit_code, reporter, domain, text, interests, probability, consequence, risk_score, tier, priority, police_decision_required, rules_version, rules_hash, trace, deadlines, idempotency_key, chain_seq, prev_hash, row_hash) VALUES ('B-' || nextval('bench_ref'), now(), now(), now(), \(values), gen_random_uuid(), nextval('bench_ref'), sha256('p'), sha256('r'));

        """
    let url = URL(fileURLWithPath: "/tmp/logbench-\(getpid()).sql")
    try script.write(to: url, atomically: true, encoding: .utf8)
    return url
}

func pgbench(clients n: Int, script: URL) throws -> Double {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: env["PGBENCH"] ?? "/usr/lib/postgresql/15/bin/pgbench")
    p.arguments = ["-n", "-h", cluster.socketDirectory.path, "-U", cluster.superuser, "-M", "simple",
                   "-c", "\(n)", "-j", "\(n)", "-T", "\(Int(seconds))", "-f", script.path, db.database.name]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.standardError
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
          let tps = Double(line.dropFirst(6).split(separator: " ").first ?? "") else {
        throw NSError(domain: "pgbench", code: Int(p.terminationStatus), userInfo: [NSLocalizedDescriptionKey: text])
    }
    return tps
}

/// The cases, run in turn in every round so that drift in the shared machine's load and disk
/// latency (fsync at commit varies 0.3–3 ms here) falls on all of them alike; medians are reported.
let cases: [(String, () throws -> Double)] = [
    ("pgbench raw INSERT, 1 client", { try pgbench(clients: 1, script: script) }),
    ("pgbench raw INSERT, 4 clients", { try pgbench(clients: 4, script: script) }),
    ("EntryWriter.log, 1 connection", { try writer(connections: 1, unitsUsed: 1) }),
    ("EntryWriter.log, 4 connections, 1 unit", { try writer(connections: 4, unitsUsed: 1) }),
    ("EntryWriter.log, 4 connections, 4 units", { try writer(connections: 4, unitsUsed: 4) }),
    ("INSERT INTO entries only, 1 connection", { try insertOnly(connections: 1, unitsUsed: 1) }),
    ("INSERT INTO entries only, 4 connections, 1 unit", { try insertOnly(connections: 4, unitsUsed: 1) }),
    ("INSERT INTO entries only, 4 connections, 4 units", { try insertOnly(connections: 4, unitsUsed: 4) }),
    ("validation + judgement + trace JSON, no database", { try judgementOnly() }),
]

log("LogBench: \(seconds) s per run, \(reps) rounds, median reported; database \(db.database.name)")
let script = try pgbenchSetup()
defer { try? FileManager.default.removeItem(at: script) }
var runs = Array(repeating: [Double](), count: cases.count)
for round in 1...reps {
    for (i, c) in cases.enumerated() {
        let v = try c.1()
        runs[i].append(v)
        log("round \(round): \(c.0.padding(toLength: 50, withPad: " ", startingAt: 0)) \(String(format: "%8.0f", v)) /s")
    }
}
let medians = runs.map(median)

let chains = try units.map { try db.sql("SELECT ok FROM verify_chain('\($0)')") }
log("chains intact after the run: \(chains.allSatisfy { $0 == "t" }) (\(try db.sql("SELECT count(*) FROM entries")) entries)")

let base1 = medians[0], base4 = medians[1]
print("| case | entries/s (median of \(reps)) | runs | vs pgbench, same number of clients |")
print("|---|---|---|---|")
for (i, c) in cases.enumerated() {
    let base: Double? = (2...7).contains(i) ? (c.0.contains("4 conn") ? base4 : base1) : nil
    let all = runs[i].map { String(format: "%.0f", $0) }.joined(separator: ", ")
    print("| \(c.0) | \(String(format: "%.0f", medians[i])) | \(all) | \(base.map { String(format: "%.0f %%", 100 * medians[i] / $0) } ?? "—") |")
}
