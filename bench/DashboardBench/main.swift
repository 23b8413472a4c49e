import Dashboard
import Foundation
import Logging
import Postgres
import Store
import VaktloggCore
import VaktloggTestSupport
#if canImport(Glibc)
import Glibc
#endif

// Dashboard benchmark: the queue read (the Store's triage list under row-level security, as the
// dashboard's `DashboardSource.queue` does it) with 10k and 100k entries in the database, and the
// time to reduce a queue read and draw one frame into the in-memory grid at 80×24 and 200×60;
// resident memory of the process after reading.
//
// swift build -c release --scratch-path .build-dash --product DashboardBench
// VAKTLOGG_TEST_CLUSTER_DIR=$(mktemp -d) .build-dash/release/DashboardBench [--large 100000]
//
// Medians of repeated runs (the machine is shared). Method and numbers: bench/dashboard/README.md.

func argument(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]) else { return value }
    return n
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func time(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}
func rssMB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

_ = setlocale(LC_ALL, "C.UTF-8") // TextWidth measures with wcwidth, which follows LC_CTYPE
let large = argument("--large", default: 100_000)
let units = ["OSLO", "BERGEN", "TROMSO", "BODO"]
let db = try VaktloggTestDatabase.create(prefix: "dashbench", units: units)
let officer = try db.addUser("officer", role: "duty_officer", units: units)
let coordinator = try db.addUser("coord", role: "security_coordinator", units: units)
// Common incidents whose categories carry their own threatened interests (P1 to P4).
let categories = ["violence_staff", "violence_inmate", "self_harm", "contraband_drugs", "contraband_phone",
                  "contraband_weapon", "damage", "fire", "escape", "unrest"]

/// Logs `count` entries through the product's write path, in transactions of 1000.
func seed(_ count: Int) throws {
    let c = try db.connect(user: officer)
    defer { c.close() }
    let session = StoreSession(connection: c)
    var i = 0
    while i < count {
        try session.transaction { s in
            for n in i..<min(count, i + 1000) {
                var d = EntryDraft(kind: .incident, category: categories[n % categories.count], text: "Benk \(n)")
                d.unit = units[n % units.count]
                d.probability = 1 + n % 5
                d.consequence = 1 + (n / 5) % 5
                d.reportedAt = Date().addingTimeInterval(-Double(n % (30 * 86_400)))
                _ = try s.entries.log(d)
            }
        }
        i += 1000
    }
}

/// Grows the table to `total` rows by copying the seeded entries as the officer (each copy a new
/// row through the same triggers: chain link, projection, row-level security), so 100k rows need
/// not each be judged in Swift: the judgement columns are the originals'.
func grow(to total: Int) throws {
    let c = try db.connect(user: officer)
    defer { c.close() }
    while true {
        let n = try c.query("SELECT count(*) AS n FROM entries").first!.decode(Int.self, "n")
        guard n < total else { return }
        // 500 rows per statement: the chain trigger takes a transaction-scoped lock per row, and
        // max_locks_per_transaction bounds how many one transaction may hold.
        let batch = min(n, total - n, 500)
        try c.execute("""
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests,
                probability, consequence, rules_version, rules_hash, trace, idempotency_key)
            SELECT kind, category, unit_code, occurred_at, reported_at, domain, text || ' (kopi)', interests,
                probability, consequence, rules_version, rules_hash, trace, gen_random_uuid()
              FROM entries ORDER BY id LIMIT \(batch)
            """)
    }
}

let source = DashboardSource(connection: try db.connect(user: coordinator), connect: { try db.connect(user: coordinator) },
                             logger: Logger(label: "bench"))
var rows: [DashboardEntry] = []
print("| entries in the database | queue read (500 rows), median of 9 | rows |")
print("|---|---|---|")
let seeded = argument("--seed", default: 2000)
let seedMs = try time { try seed(seeded) }
print("(\(seeded) entries logged through EntryWriter in \(Int(seedMs / 1000)) s; the rest copied in SQL)\n")
for total in [10_000, large] {
    try grow(to: total)
    _ = try source.queue(now: Date())
    let runs = try (0..<9).map { _ in try time { rows = try source.queue(now: Date()) } }
    print("| \(total) | \(String(format: "%.1f", median(runs))) ms | \(rows.count) |")
}

let viewer = DashboardState.Viewer(name: "coord", role: "security_coordinator", units: units)
print("\n| terminal | reduce queueLoaded (500 rows) | draw one frame | median of 200 |")
print("|---|---|---|---|")
for (r, c) in [(24, 80), (60, 200)] {
    var state = DashboardState(viewer: viewer, language: .nb, rows: r, columns: c, now: Date())
    let grid = GridCanvas(rows: r, columns: c)
    let reduce = (0..<200).map { _ in time { state = DashboardReducer.reduce(state, .queueLoaded(rows, at: Date())).0 } }
    let draw = (0..<200).map { _ in time { DashboardRenderer.draw(state, on: grid) } }
    print("| \(c)×\(r) | \(String(format: "%.3f", median(reduce))) ms | \(String(format: "%.3f", median(draw))) ms | |")
}
print("\nresident memory after the reads and frames: \(String(format: "%.1f", rssMB())) MB")
