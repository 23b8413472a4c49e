import Foundation
import Postgres
import PostgresTestSupport
import Store
import VaktloggTestSupport
import EmbeddedPostgres

// Store benchmark: single-row INSERTs of an entry (one transaction per row, through the chain
// trigger, RLS and the projection) through our Postgres module versus PostgreSQL's pgbench, as
// the same application user on the same throwaway cluster, on 1 and 4 connections.
//
// swift build -c release --scratch-path .build-integrity --product StoreBench
// .build-integrity/release/StoreBench [--seconds 10] [--repetitions 3]
//
// Each case runs `repetitions` times, the module and pgbench alternating, and the median rate is
// reported: the machine is shared, and single runs are noisy.

func argument(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]) else { return value }
    return n
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let seconds = argument("--seconds", default: 10)
let repetitions = argument("--repetitions", default: 3)

let units = ["OSLO", "BERGEN", "TROMSO", "BODO"]
let db = try VaktloggTestDatabase.create(prefix: "bench", units: units)
let user = try db.addUser("bench", role: "duty_officer", units: units)
let userConnection = db.database.connectionString(user: user)
let socket = db.database.cluster.socketDirectory.path
let pgbench = try PgBench.locate()
let su = try db.connect()

@MainActor func setting(_ name: String) throws -> String {
    try su.query("SELECT current_setting(\(name)) AS v").first!.decode(String.self, "v")
}
@MainActor func entryCount() throws -> Int {
    try su.query("SELECT count(*) AS n FROM entries").first!.decode(Int.self, "n")
}

print("PostgreSQL \(try setting("server_version")), fsync=\(try setting("fsync")), synchronous_commit=\(try setting("synchronous_commit")), shared_buffers=\(try setting("shared_buffers"))")
print("pgbench: \(pgbench.path); \(seconds) s per run, median of \(repetitions); \(ProcessInfo.processInfo.activeProcessorCount) CPUs")

// Warm-up: caches, the catalogue, the first chain heads.
_ = try ModuleInserts.run(connectionString: userConnection, threads: 1, units: units, seconds: 2)
_ = try PgBench.run(pgbench, socket: socket, user: user, database: db.database.name, units: units, clients: 1, seconds: 2)

struct Case {
    let name: String
    let connections: Int
    let units: [String]
}
let cases = [
    Case(name: "1 connection", connections: 1, units: ["OSLO"]),
    Case(name: "4 connections, one unit", connections: 4, units: ["OSLO"]),
    Case(name: "4 connections, a unit each", connections: 4, units: units),
]

// Two passes: as configured (every commit waits for its WAL flush, the normal case), and with
// synchronous_commit off for the bench user, which takes the disk out so that the clients' own
// costs show. Both clients connect anew per run and so pick the setting up.
var table: [String] = []
for commit in ["on", "off"] {
    try su.execute("ALTER ROLE \(unescaped: try su.escapeIdentifier(user)) SET synchronous_commit = \(unescaped: commit)")
    print("synchronous_commit=\(commit) for \(user)")
    for c in cases {
        var module: [Double] = []
        var bench: [Double] = []
        for _ in 0..<repetitions {
            let before = try entryCount()
            let m = try ModuleInserts.run(connectionString: userConnection, threads: c.connections, units: c.units,
                                          seconds: Double(seconds))
            let afterModule = try entryCount()
            guard afterModule - before == m.rows else { throw BenchError("module: \(m.rows) counted, \(afterModule - before) stored") }
            let p = try PgBench.run(pgbench, socket: socket, user: user, database: db.database.name, units: c.units,
                                    clients: c.connections, seconds: seconds)
            let afterBench = try entryCount()
            // pgbench may finish a transaction or two after its clock; the stored rows must cover its count.
            guard afterBench - afterModule >= p.transactions else {
                throw BenchError("pgbench: \(p.transactions) counted, \(afterBench - afterModule) stored")
            }
            module.append(m.rate)
            bench.append(p.tps)
            print(String(format: "  %@: module %.0f rows/s, pgbench %.0f rows/s", c.name, m.rate, p.tps))
        }
        let (m, p) = (median(module), median(bench))
        let row = String(format: "| %@ | %@ | %.0f | %.0f | %.2f |", c.name, commit, m, p, m / p)
        print(row)
        table.append(row)
    }
}

// The chains stayed intact under all of that, and how long checking them takes.
let clock = ContinuousClock()
let began = clock.now
let results = try ChainVerifier(connection: su).verifyAll()
let took = clock.now - began
let total = results.reduce(0) { $0 + $1.rows }
guard results.allSatisfy({ $0.ok }) else { throw BenchError("a chain is broken: \(results.filter { !$0.ok })") }
print("verify: \(results.count) chains, \(total) rows intact in \(took)")

print("")
print("| connections | synchronous_commit | Postgres module rows/s | pgbench rows/s | ratio |")
print("|---|---|---|---|---|")
table.forEach { print($0) }
