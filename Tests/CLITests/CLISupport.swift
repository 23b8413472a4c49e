import Foundation
import Testing
import VaktloggTestSupport

#if canImport(Glibc)
import Glibc
import PostgresTestSupport
#endif

/// One end-to-end test's world: a fresh migrated database with units (OSLO and ILA by default) on
/// the shared test cluster, the built `vaktlogg` binary, and a spool directory of its own.
///
/// Every command runs as a real process with `VAKTLOGG_DATABASE_URL` naming the acting user, so the
/// database's roles, row-level security and triggers decide exactly as in production.
final class CLIWorld: @unchecked Sendable {
    let db: VaktloggTestDatabase
    let bin: VaktloggBinary
    let spool: URL

    init(units: [String] = ["OSLO", "ILA"]) throws {
        db = try VaktloggTestDatabase.create(prefix: "cli", units: units)
        bin = try VaktloggBinary.locate()
        spool = URL(fileURLWithPath: "/tmp/vaktlogg-spool-\(UUID().uuidString.prefix(8).lowercased())")
    }

    deinit { try? FileManager.default.removeItem(at: spool) }

    /// Adds a user and returns its login name (`base` with the database's suffix).
    @discardableResult
    func user(_ base: String, _ role: String, _ units: [String]) throws -> String {
        try db.addUser(base, role: role, units: units)
    }

    /// Runs `vaktlogg args` as `user` (Norwegian unless `env` says otherwise).
    func run(_ user: String, _ args: [String], stdin: String = "", env extra: [String: String?] = [:]) throws
        -> VaktloggBinary.Result
    {
        try bin.run(args, environment: environment(user, extra), stdin: stdin)
    }

    /// The environment for running as `user` against this world's database and spool.
    func environment(_ user: String, _ extra: [String: String?] = [:]) -> [String: String?] {
        var env: [String: String?] = [:]
        for (k, v) in db.environment(user: user, spool: spool) { env[k] = v }
        env["VAKTLOGG_DATA_DIR"] = nil
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// The environment of `user` with the database unreachable: the URL names a socket directory in
    /// which no server listens.
    func offlineEnvironment(_ user: String) -> [String: String?] {
        environment(user, ["VAKTLOGG_DATABASE_URL": "postgresql://\(user)@/\(db.database.name)?host=%2Ftmp%2Fvaktlogg-no-server"])
    }

    /// `vaktlogg log KIND args` as `user`; returns the new reference, recording an issue if the
    /// command did not succeed.
    @discardableResult
    func log(_ user: String, _ kind: String, _ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try run(user, ["log", kind] + args)
        #expect(r.exitCode == 0, "\(r)", sourceLocation: sourceLocation)
        return Self.loggedRef(r.stdout) ?? ""
    }

    /// The reference in `log`'s human answer ("Registrert OSLO-3 · P1 · …").
    static func loggedRef(_ stdout: String) -> String? {
        let first = stdout.split(separator: "\n").first.map(String.init) ?? ""
        let words = first.split(separator: " ").map(String.init)
        guard let i = words.firstIndex(where: { $0 == "Registrert" || $0 == "Logged" || $0 == "registrert" }),
              i + 1 < words.count else { return nil }
        return words[i + 1]
    }

    /// Runs SQL as the superuser and returns its unaligned, tuples-only output.
    @discardableResult
    func sql(_ text: String) throws -> String { try db.sql(text) }

    /// `SELECT count(*) FROM table WHERE condition` as the superuser.
    func count(_ table: String, where condition: String = "true") throws -> Int {
        Int(try db.sql("SELECT count(*) FROM \(table) WHERE \(condition)")) ?? -1
    }

    /// Rows of every fact table and the projection, to show that a refused command wrote nothing.
    func rowCounts() throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in ["entries", "entry_state", "entry_persons", "entry_events", "amendments", "measures", "decisions",
                  "risk_assessments", "access_log"] {
            out[t] = try count(t)
        }
        out["chain_seq"] = Int(try db.sql("SELECT coalesce(sum(seq), 0) FROM chain_heads")) ?? -1
        return out
    }

    /// True when `verify_chain(unit)` finds the unit's chain intact.
    func chainIntact(_ unit: String) throws -> Bool {
        try db.sql("SELECT ok FROM verify_chain('\(unit)')") == "t"
    }

    /// Files waiting in the spool (sorted names, hidden temporaries excluded).
    func spooled() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { spool.appendingPathComponent($0) }
    }
}

/// JSON helpers for `--json` output.
enum JSON {
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    static func array(_ text: String) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] ?? []
    }

    /// The JSON array `text` holds, or nil when it is not one — so an empty list is told apart from
    /// a command that failed and printed nothing (compare with `== []`-style checks on the result).
    static func parsedArray(_ text: String) -> [[String: Any]]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]]
    }

    /// The JSON object `text` holds, or nil when it is not one.
    static func parsedObject(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// A JSON object as compact text (for `--json` standard input).
    static func text(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }
}

/// RFC 3339 in UTC, as the product writes and reads it.
func rfc3339(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
}

/// File mode bits (permissions) of a path.
func fileMode(_ url: URL) -> Int {
    var st = stat()
    guard stat(url.path, &st) == 0 else { return -1 }
    return Int(st.st_mode) & 0o777
}
