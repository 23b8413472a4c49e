public import Foundation
public import Postgres
public import Rules
import Crypto
import Dispatch
import VaktloggCore

/// What `vaktlogg seed --synthetic` is asked for.
public struct SyntheticOptions: Sendable {
    /// Entries to generate.
    public var entries: Int
    /// Units (SYN01…), about twelve per region.
    public var units: Int
    /// Years of history, ending at `until`.
    public var years: Int
    /// The generator's seed: the same seed, size and `until` give the same content, byte for byte.
    public var seed: UInt64
    /// The end of the history (whole seconds are used).
    public var until: Date
    /// Entries per COPY batch.
    public var batch: Int

    /// Options with the defaults of the CLI.
    public init(entries: Int, units: Int = 60, years: Int = 5, seed: UInt64 = 1, until: Date = Date(), batch: Int = 20_000) {
        self.entries = entries
        self.units = units
        self.years = years
        self.seed = seed
        self.until = until
        self.batch = batch
    }
}

/// What the synthetic seed wrote and how fast.
public struct SyntheticSummary: Sendable, Codable {
    /// Entries written.
    public let entries: Int
    /// Rows written per table (chained tables, the projection, the person registry).
    public let rows: [String: Int]
    /// Units and users created.
    public let units: Int
    public let users: Int
    /// Wall-clock seconds of the load (organisation, generation, COPY, commit).
    public let seconds: Double
    /// All rows written divided by `seconds`.
    public let rowsPerSecond: Double
    /// SHA-256 over every unit's `code seq head` line, in code order: equal for equal content.
    public let contentHash: String

    enum CodingKeys: String, CodingKey {
        case entries, rows, units, users, seconds
        case rowsPerSecond = "rows_per_second"
        case contentHash = "content_hash"
    }
}

/// `vaktlogg seed --synthetic`: a large, realistic data set for benchmarks and capacity tests —
/// every kind and category, all tiers, lifecycles with deadlines met and missed (and the
/// escalations a worker would have appended), amendments, persons, risk assessments, measures,
/// decisions, sealed manipulation reports — written with COPY at tens of thousands of rows a
/// second.
///
/// It does what the triggers would do, in the client: it judges each entry with the rules module
/// (tier, priority, risk, deadlines, police requirement, the trace), moves the projection along,
/// seals manipulation reporters (salted commitments, sql/015), and links every row into its unit's
/// chain with the same canonical form and SHA-256 as chain_append(), so `vaktlogg verify`
/// recomputes and accepts every hash. To do that it switches triggers off for its own transaction
/// (`session_replication_role = replica`), which only a superuser may; nobody else sees the rows
/// before COMMIT, and the tables it writes are locked against other writers meanwhile. It refuses
/// a database that already holds entries.
public struct SyntheticSeeder {
    let owner: Connection
    let engine: RulesEngine

    /// - Parameter owner: a connection as a superuser (the embedded cluster's owner is one).
    public init(owner: Connection, engine: RulesEngine = RulesEngine()) {
        self.owner = owner
        self.engine = engine
    }

    /// Seeds the data set; `progress(done, total)` is called after each batch of entries.
    public func seed(_ options: SyntheticOptions, progress: (Int, Int) -> Void = { _, _ in }) throws(StoreError) -> SyntheticSummary {
        let started = Date()
        do {
            let superuser = try owner.query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").first?.decode(Bool.self, "rolsuper") ?? false
            guard superuser else { throw StoreError.forbidden(.superuserRequired) }
            return try owner.transaction(maxAttempts: 1) { c in
                guard try c.query("SELECT NOT EXISTS (SELECT 1 FROM entries) AS empty").first!.decode(Bool.self, "empty") else {
                    throw StoreError.invalid(.notEmpty)
                }
                let units = SyntheticOrganisation.units(options.units)
                for r in SyntheticOrganisation.regions(units: options.units) {
                    _ = try c.query("SELECT admin_add_region(\(r.code), \(r.name))")
                }
                for u in units {
                    _ = try c.query("SELECT admin_add_unit(\(u.unit.code), \(u.name), \(u.unit.type), \(u.unit.region), \(u.level))")
                }
                let users = SyntheticOrganisation.users(units.map(\.unit))
                for u in users {
                    _ = try c.query("SELECT admin_add_user(\(u.name), \(u.role), \(u.units)::text[], \(u.fullName))")
                }
                _ = try c.unsafeExecuteScript("""
                    SET LOCAL session_replication_role = replica;
                    SET LOCAL synchronous_commit = off;
                    LOCK TABLE entries, entry_persons, entry_events, amendments, measures, decisions, risk_assessments,
                               entry_state, persons, chain_heads IN EXCLUSIVE MODE;
                    """)
                let catalogue = try Self.catalogue(c, version: engine.version)
                var firstIDs: [Int64] = Array(repeating: 1, count: ChainTable.all.count)
                for (i, t) in ChainTable.all.enumerated() where t.chained {
                    // The names are this module's constants (ChainTable), never input.
                    firstIDs[i] = try c.query(SQLQuery(unsafeSQL: "SELECT coalesce(max(id), 0) + 1 AS n FROM \(t.name)")).first!.decode(Int64.self, "n")
                }
                let until = Int64(options.until.timeIntervalSince1970)
                var run = SyntheticRun(seed: options.seed, engine: engine, catalogue: catalogue, units: units.map(\.unit),
                                       integration: SyntheticOrganisation.integration, until: until, firstIDs: firstIDs)
                let copier = Copier(connection: c)
                let span = Int64(max(1, options.years)) * 365 * 86_400
                let start = until - span
                // Report times spread evenly (stratified) over the span, leaving the last hour free
                // so that the newest entries are a little in the past.
                let usable = Double(span - 3600)
                for k in 0..<options.entries {
                    let r = start + Int64(usable * (Double(k) + run.rng.unit()) / Double(max(1, options.entries)))
                    run.drain(through: r - 1)
                    run.plan(reported: r)
                    if (k + 1) % options.batch == 0 {
                        run.flushPersons()
                        try copier.send(run.loader.takeBuffers())
                        progress(k + 1, options.entries)
                    }
                }
                run.drain(through: until)
                run.flushPersons()
                for (unit, head) in run.loader.heads.sorted(by: { $0.key < $1.key }) {
                    var row: [ChainValue] = [.text(unit), .int(head.seq), .bytes(head.hash), .int(head.entries)]
                    run.loader.append(T.heads, &row)
                }
                try copier.send(run.loader.takeBuffers())
                try copier.finish()
                progress(options.entries, options.entries)
                for t in ChainTable.all where t.chained {
                    _ = try c.query(SQLQuery(unsafeSQL: "SELECT setval(pg_get_serial_sequence('\(t.name)', 'id'), (SELECT max(id) FROM \(t.name)))"))
                }
                var lines = ""
                for (unit, head) in run.loader.heads.sorted(by: { $0.key < $1.key }) {
                    var hex: [UInt8] = []
                    ChainValue.appendHex(head.hash, to: &hex)
                    lines += "\(unit) \(head.seq) \(String(decoding: hex, as: UTF8.self))\n"
                }
                var digest: [UInt8] = []
                ChainValue.appendHex(Array(SHA256.hash(data: Array(lines.utf8))), to: &digest)
                let seconds = Date().timeIntervalSince(started)
                var rows: [String: Int] = [:]
                for (i, t) in ChainTable.all.enumerated() where t.name != "chain_heads" { rows[t.name] = run.loader.rows[i] }
                let total = rows.values.reduce(0, +)
                return SyntheticSummary(entries: run.loader.rows[T.entries], rows: rows, units: units.count, users: users.count,
                                        seconds: seconds, rowsPerSecond: Double(total) / max(seconds, 0.001),
                                        contentHash: String(decoding: digest, as: UTF8.self))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// The categories with the default interests of rule set `version` where it names them (else
    /// the reference table's, as entries_prepare() takes them), and every interest's tier.
    static func catalogue(_ c: Connection, version: String) throws -> SyntheticCatalogue {
        var categories: [String: [(code: String, defaults: [String])]] = [:]
        for row in try c.query("""
            SELECT c.kind, c.code, coalesce(r.default_interests, c.default_interests) AS defaults
              FROM categories c
              LEFT JOIN rule_set_categories r ON r.version = \(version) AND r.kind = c.kind AND r.code = c.code
             ORDER BY c.kind, c.code
            """).rows {
            categories[try row.decode(String.self, "kind"), default: []].append(
                (try row.decode(String.self, "code"), try row.decode([String].self, "defaults")))
        }
        var tiers: [String: Int64] = [:]
        for row in try c.query("SELECT code, tier FROM interests").rows {
            tiers[try row.decode(String.self, "code")] = try row.decode(Int64.self, "tier")
        }
        return SyntheticCatalogue(categories: categories, tiers: tiers)
    }
}

/// Sends each batch's COPY text on a thread of its own, so that the next batch is generated while
/// the server loads this one (at most one batch in flight). The connection is used by that thread
/// only between `send` and the next `send` or `finish`, never by two threads at once.
private final class Copier: @unchecked Sendable {
    let connection: Connection
    let queue = DispatchQueue(label: "vaktlogg.synthetic.copy")
    let slot = DispatchSemaphore(value: 1)
    var failure: (any Error)?

    init(connection: Connection) {
        self.connection = connection
    }

    func send(_ buffers: [[UInt8]]) throws {
        slot.wait()
        if let failure { slot.signal(); throw failure }
        queue.async { [self] in
            defer { slot.signal() }
            do {
                for (i, data) in buffers.enumerated() where !data.isEmpty {
                    try connection.copyIn(SQLQuery(unsafeSQL: ChainTable.all[i].copyStatement), encoded: data)
                }
            } catch {
                failure = error
            }
        }
    }

    func finish() throws {
        slot.wait()
        slot.signal()
        if let failure { throw failure }
    }
}
