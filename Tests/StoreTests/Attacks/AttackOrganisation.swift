import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// The demo's shape in small, for attacks the way issue #8 ran them: psql-equivalent raw SQL with a
/// user's own login. BJORKVIK: duty officers ola and ingrid (who reports manipulation), coordinator
/// kari, manager mona. HAVNES: duty officer per, coordinator hanne. Auditor erik, administrator adm.
struct AttackOrganisation {
    let db: VaktloggTestDatabase
    let ola: String, ingrid: String, kari: String, mona: String
    let per: String, hanne: String, erik: String, adm: String

    init(_ prefix: String) throws {
        let db = try VaktloggTestDatabase.create(prefix: prefix, units: ["BJORKVIK", "HAVNES"])
        self.db = db
        func add(_ base: String, _ role: String, _ units: [String], _ fullName: String) throws -> String {
            let name = "\(base)_\(db.suffix)"
            let list = units.map { "'\($0)'" }.joined(separator: ",")
            try db.sql("SELECT admin_add_user('\(name)', '\(role)', ARRAY[\(list)]::text[], '\(fullName)')")
            return name
        }
        ola = try add("ola.hansen", "duty_officer", ["BJORKVIK"], "Ola Hansen")
        ingrid = try add("ingrid.berg", "duty_officer", ["BJORKVIK"], "Ingrid Berg")
        kari = try add("kari.lund", "security_coordinator", ["BJORKVIK"], "Kari Lund")
        mona = try add("mona.dahl", "manager", ["BJORKVIK"], "Mona Dahl")
        per = try add("per.vik", "duty_officer", ["HAVNES"], "Per Vik")
        hanne = try add("hanne.moe", "security_coordinator", ["HAVNES"], "Hanne Moe")
        erik = try add("erik.vik", "auditor", [], "Erik Vik")
        adm = try add("adm", "admin", [], "Administrator")
    }

    /// Every login but the superuser, for "as every role" variations.
    var everyone: [String] { [ola, ingrid, kari, mona, per, hanne, erik, adm] }

    /// A manipulation report in BJORKVIK by `user`, with one inmate.
    @discardableResult
    func manipulation(by user: String, person: String = "K-2026-0142", text: String = "Spurte om adressen min") throws -> LoggedEntry {
        var d = EntryDraft(kind: .manipulation, category: "private_probing", text: text)
        d.unit = "BJORKVIK"
        d.probability = 3
        d.consequence = 3
        d.target = .reporter
        d.inWorkingHours = true
        d.persons = [.init(role: .inmate, ref: person)]
        return try log(d, as: user)
    }

    /// An incident in `unit` by `user`, with one inmate.
    @discardableResult
    func incident(by user: String, unit: String = "BJORKVIK", person: String = "K-2026-0777") throws -> LoggedEntry {
        var d = EntryDraft(kind: .incident, category: "violence_inmate", text: "Slagsmål i luftegården")
        d.unit = unit
        d.probability = 3
        d.consequence = 3
        d.persons = [.init(role: .inmate, ref: person)]
        return try log(d, as: user)
    }

    func log(_ d: EntryDraft, as user: String) throws -> LoggedEntry {
        let c = try db.connect(user: user)
        defer { c.close() }
        return try StoreSession(connection: c).entries.log(d)
    }

    /// Runs `sql` as `user` on a fresh connection and returns the refusal, failing when it succeeds.
    func refusal(_ sql: String, as user: String) throws -> PostgresError {
        let c = try db.connect(user: user)
        defer { c.close() }
        do {
            _ = try c.unsafeExecuteScript(sql)
        } catch let error as PostgresError {
            return error
        }
        Issue.record("expected a refusal of: \(sql)")
        return PostgresError(kind: .protocol, message: "not refused")
    }

    /// The public tables `user` may read at least one column of, with those columns.
    func readableColumns(as user: String) throws -> [(table: String, columns: [String])] {
        let text = try db.sql("""
            SELECT c.relname || ':' || string_agg(a.attname, ',' ORDER BY a.attnum)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE c.relkind IN ('r', 'v', 'm') AND has_column_privilege(c.oid, a.attnum, 'SELECT')
             GROUP BY c.relname ORDER BY c.relname
            """, user: user)
        return text.split(separator: "\n").map { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts[1].split(separator: ",").map(String.init))
        }
    }

    /// Everything `user` can read, as text: every readable column of every table (row-level security
    /// applied), as one JSON document per table.
    func everythingReadable(as user: String, except: Set<String> = []) throws -> String {
        var out = ""
        for (table, columns) in try readableColumns(as: user) where !except.contains(table) {
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            out += table + ": " + (try db.sql("SELECT coalesce(json_agg(x)::text, '[]') FROM (SELECT \(list) FROM \"\(table)\") x",
                                              user: user)) + "\n"
        }
        return out
    }
}
