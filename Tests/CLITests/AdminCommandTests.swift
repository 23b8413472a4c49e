import Foundation
import Postgres
import Testing
import VaktloggTestSupport

/// End-to-end tests of `vaktlogg region | unit | user` through the built binary, each against its
/// own migrated database.
@Suite struct AdminCommandTests {
    let bin: VaktloggBinary

    init() throws { bin = try VaktloggBinary.locate() }

    /// A database with region OST, unit OSLO and an administrator (returned as its login name).
    static func setUp() throws -> (VaktloggTestDatabase, String) {
        let db = try VaktloggTestDatabase.create(units: ["OSLO"])
        let admin = try db.addUser("admin", role: "admin", units: [])
        return (db, admin)
    }

    static func json(_ text: String) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] ?? []
    }

    @Test func regionUnitAndUserAreAddedAndListed() throws {
        let (db, admin) = try Self.setUp()
        let env = db.environment(user: admin)

        let region = try bin.run(["region", "add", "nord", "--name", "Region nord"], environment: env)
        #expect(region.exitCode == 0, "\(region)")
        #expect(region.stdout.contains("Region NORD opprettet: Region nord"))

        let unit = try bin.run(["unit", "add", "TROMSO", "--name", "Tromsø fengsel", "--type", "prison_lower",
                                "--region", "NORD", "--security-level", "3"], environment: env)
        #expect(unit.exitCode == 0, "\(unit)")
        #expect(unit.stdout.contains("Enhet TROMSO opprettet: Tromsø fengsel, fengsel, lavere sikkerhetsnivå, region NORD, sikkerhetsnivå 3"))
        #expect(try db.sql("SELECT type || '|' || region_code || '|' || security_level FROM units WHERE code = 'TROMSO'")
                == "prison_lower|NORD|3")

        let kari = "kari_\(db.suffix)"
        let user = try bin.run(["user", "add", kari, "--role", "duty_officer", "--unit", "TROMSO", "--unit", "oslo",
                                "--full-name", "Kari Nordmann"], environment: env)
        #expect(user.exitCode == 0, "\(user)")
        #expect(user.stdout.contains("Bruker \(kari) opprettet: duty_officer (vakthavende), enheter TROMSO, OSLO (hjemmeenhet TROMSO)"))
        #expect(try db.sql("SELECT role || '|' || home_unit || '|' || full_name FROM app_users WHERE name = '\(kari)'")
                == "duty_officer|TROMSO|Kari Nordmann")
        #expect(try db.sql("SELECT string_agg(unit_code, ',' ORDER BY unit_code) FROM user_units WHERE user_name = '\(kari)'")
                == "OSLO,TROMSO")

        // An entry at OSLO, to be counted as open.
        try db.overdueDeviation(unit: "OSLO", as: kari)

        let units = try bin.run(["unit", "list", "--json"], environment: env)
        #expect(units.exitCode == 0, "\(units)")
        let listed = Self.json(units.stdout)
        #expect(listed.map { $0["code"] as? String } == ["TROMSO", "OSLO"], "ordered by region (NORD, OST), then code")
        let tromso = listed.first { $0["code"] as? String == "TROMSO" } ?? [:]
        #expect(tromso["type"] as? String == "prison_lower")
        #expect(tromso["region"] as? String == "NORD")
        #expect(tromso["region_name"] as? String == "Region nord")
        #expect(tromso["security_level"] as? Int == 3)
        #expect(tromso["open_entries"] as? Int == 0)
        #expect(listed.last?["open_entries"] as? Int == 1)

        let text = try bin.run(["unit", "list"], environment: env)
        #expect(text.stdoutLines.first?.hasPrefix("KODE") == true, "\(text)")
        #expect(text.stdout.contains("prison_lower (fengsel, lavere sikkerhetsnivå)"))

        let users = try bin.run(["user", "list", "--json"], environment: env)
        #expect(users.exitCode == 0, "\(users)")
        let k = Self.json(users.stdout).first { $0["name"] as? String == kari } ?? [:]
        #expect(k["role"] as? String == "duty_officer")
        #expect(k["units"] as? [String] == ["TROMSO", "OSLO"], "home unit first")
        #expect(k["home_unit"] as? String == "TROMSO")
        #expect(k["full_name"] as? String == "Kari Nordmann")
        #expect(k["disabled"] as? Bool == false)
        #expect(k["disabled_at"] is NSNull)

        // The new user logs in: a duty officer sees open entries of their own units only.
        let asKari = try bin.run(["unit", "list", "--json"], environment: db.environment(user: kari))
        #expect(asKari.exitCode == 0, "\(asKari)")
        #expect(Self.json(asKari.stdout).last?["open_entries"] as? Int == 1)

        // A unit the caller cannot see shows no count rather than a zero it does not know.
        let coordinator = try db.addUser("sikk", role: "security_coordinator", units: ["OSLO"])
        let asCoordinator = Self.json(try bin.run(["unit", "list", "--json"], environment: db.environment(user: coordinator)).stdout)
        #expect(asCoordinator.first?["open_entries"] is NSNull, "TROMSO is not the coordinator's")
        #expect(asCoordinator.last?["open_entries"] as? Int == 1)

        let regions = try bin.run(["region", "list"], environment: env)
        #expect(regions.stdout.contains("NORD"), "\(regions)")
    }

    /// One refused input: the arguments, the fragment the message must contain, and the query
    /// whose count must stay 0 (nothing half-written).
    struct BadInput: Sendable, CustomTestStringConvertible {
        let args: @Sendable (String) -> [String]
        let fragments: [String]
        let nothingWritten: @Sendable (String) -> String
        let name: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(args: { ["user", "add", "kari_\($0)", "--role", "boss", "--unit", "OSLO"] },
                 fragments: ["role: ukjent rolle «boss»", "tillatte roller: duty_officer (vakthavende), security_coordinator (sikkerhetsleder), manager (leder), auditor (revisor), admin (administrator), integration (integrasjon)"],
                 nothingWritten: { "SELECT count(*) FROM pg_roles WHERE rolname = 'kari_\($0)'" }, name: "unknown role"),
        BadInput(args: { _ in ["unit", "add", "BERGEN", "--name", "Bergen", "--type", "castle", "--region", "OST"] },
                 fragments: ["type: ukjent enhetstype «castle»", "prison_high (fengsel, høyt sikkerhetsnivå), prison_lower (fengsel, lavere sikkerhetsnivå), transitional (overgangsbolig), probation (friomsorgskontor)"],
                 nothingWritten: { _ in "SELECT count(*) FROM units WHERE code = 'BERGEN'" }, name: "unknown unit type"),
        BadInput(args: { _ in ["unit", "add", "9BERGEN", "--name", "Bergen", "--type", "prison_high", "--region", "OST"] },
                 fragments: ["code: ugyldig enhetskode «9BERGEN»", "2–12 tegn, A–Z og 0–9"],
                 nothingWritten: { _ in "SELECT count(*) FROM units WHERE code <> 'OSLO'" }, name: "bad unit code"),
        BadInput(args: { _ in ["unit", "add", "BERGEN-1", "--name", "Bergen", "--type", "prison_high", "--region", "OST"] },
                 fragments: ["code: ugyldig enhetskode «BERGEN-1»"],
                 nothingWritten: { _ in "SELECT count(*) FROM units WHERE code <> 'OSLO'" }, name: "unit code with a dash"),
        BadInput(args: { _ in ["unit", "add", "BERGEN", "--name", "Bergen", "--type", "prison_high", "--region", "VEST"] },
                 fragments: ["region: ukjent region VEST; kjente: OST", "vaktlogg region add VEST --name"],
                 nothingWritten: { _ in "SELECT count(*) FROM units WHERE code = 'BERGEN'" }, name: "unknown region"),
        BadInput(args: { _ in ["unit", "add", "OSLO", "--name", "Oslo igjen", "--type", "prison_high", "--region", "OST"] },
                 fragments: ["code: enheten OSLO finnes allerede"],
                 nothingWritten: { _ in "SELECT count(*) FROM units WHERE name = 'Oslo igjen'" }, name: "duplicate unit"),
        BadInput(args: { _ in ["unit", "add", "BERGEN", "--name", "Bergen", "--type", "prison_high", "--region", "OST", "--security-level", "4"] },
                 fragments: ["security_level: sikkerhetsnivå 4 er utenfor 1–3"],
                 nothingWritten: { _ in "SELECT count(*) FROM units WHERE code = 'BERGEN'" }, name: "security level out of range"),
        BadInput(args: { _ in ["unit", "add", "BERGEN", "--name", "  ", "--type", "prison_high", "--region", "OST"] },
                 fragments: ["name: kan ikke være tom"],
                 nothingWritten: { _ in "SELECT count(*) FROM units WHERE code = 'BERGEN'" }, name: "blank unit name"),
        BadInput(args: { ["user", "add", "kari_\($0)", "--role", "duty_officer", "--unit", "OSLO", "--unit", "BERGEN"] },
                 fragments: ["unit: ukjent enhet BERGEN; kjente: OSLO"],
                 nothingWritten: { "SELECT (SELECT count(*) FROM app_users WHERE name = 'kari_\($0)') + (SELECT count(*) FROM user_units WHERE user_name = 'kari_\($0)') + (SELECT count(*) FROM pg_roles WHERE rolname = 'kari_\($0)')" },
                 name: "user for unknown unit"),
        BadInput(args: { ["user", "add", "kari_\($0)", "--role", "duty_officer"] },
                 fragments: ["unit: rollen duty_officer krever minst én enhet (--unit KODE)"],
                 nothingWritten: { "SELECT count(*) FROM app_users WHERE name = 'kari_\($0)'" }, name: "duty officer without unit"),
        BadInput(args: { _ in ["user", "add", "Kari Nordmann", "--role", "duty_officer", "--unit", "OSLO"] },
                 fragments: ["name: ugyldig brukernavn «Kari Nordmann»", "a–z, 0–9, punktum, _ og -"],
                 nothingWritten: { _ in "SELECT count(*) FROM app_users WHERE role <> 'admin'" }, name: "bad user name"),
        BadInput(args: { "user add admin_\($0) --role admin".components(separatedBy: " ") },
                 fragments: ["name: brukeren admin_", "finnes allerede"],
                 nothingWritten: { _ in "SELECT count(*) - 1 FROM app_users" }, name: "duplicate user"),
        BadInput(args: { _ in ["region", "add", "O", "--name", "Ø"] },
                 fragments: ["code: ugyldig regionkode «O»"],
                 nothingWritten: { _ in "SELECT count(*) - 1 FROM regions" }, name: "bad region code"),
    ]

    @Test(arguments: badInputs)
    func badInputIsRefusedNamingTheFieldAndNothingIsWritten(_ bad: BadInput) throws {
        let (db, admin) = try Self.setUp()
        let r = try bin.run(bad.args(db.suffix), environment: db.environment(user: admin))
        #expect(r.exitCode == 65, "\(r)")
        for fragment in bad.fragments {
            #expect(r.stderr.contains(fragment), "\(r)")
        }
        #expect(r.stdout.isEmpty)
        #expect(try db.sql(bad.nothingWritten(db.suffix)) == "0")
    }

    @Test func messagesInEnglishWithLangEn() throws {
        let (db, admin) = try Self.setUp()
        let role = try bin.run(["user", "add", "per_\(db.suffix)", "--role", "boss", "--unit", "OSLO", "--lang", "en"],
                               environment: db.environment(user: admin))
        #expect(role.exitCode == 65)
        #expect(role.stderr.contains("role: unknown role \"boss\"; allowed roles: duty_officer (duty officer)"), "\(role)")
        let region = try bin.run(["unit", "add", "BERGEN", "--name", "Bergen", "--type", "prison_high", "--region", "VEST"],
                                 environment: db.environment(user: admin).merging(["VAKTLOGG_LANG": "en"]) { $1 })
        #expect(region.exitCode == 65)
        #expect(region.stderr.contains("region: unknown region VEST; known: OST"), "\(region)")
        let ok = try bin.run(["unit", "add", "BERGEN", "--name", "Bergen", "--type", "probation", "--region", "OST", "--lang", "en"],
                             environment: db.environment(user: admin))
        #expect(ok.exitCode == 0, "\(ok)")
        #expect(ok.stdout.contains("Unit BERGEN added: Bergen, probation office, region OST, security level 2"))
    }

    @Test func nonAdministratorIsRefusedWith77AndNothingIsWritten() throws {
        let (db, admin) = try Self.setUp()
        let coordinator = try db.addUser("sikk", role: "security_coordinator", units: ["OSLO"])
        let env = db.environment(user: coordinator)
        let attempts: [[String]] = [
            ["region", "add", "VEST", "--name", "Region vest"],
            // An unknown region too: the permission is checked first, so nothing is revealed.
            ["unit", "add", "BERGEN", "--name", "Bergen", "--type", "prison_high", "--region", "VEST"],
            ["user", "add", "eve_\(db.suffix)", "--role", "admin"],
            ["user", "disable", coordinator],
        ]
        for args in attempts {
            let r = try bin.run(args, environment: env)
            #expect(r.exitCode == 77, "\(args): \(r)")
            #expect(r.stderr.contains("bare en administrator kan gjøre dette"), "\(r)")
        }
        #expect(try db.sql("SELECT count(*) FROM regions WHERE code = 'VEST'") == "0")
        #expect(try db.sql("SELECT count(*) FROM units WHERE code = 'BERGEN'") == "0")
        #expect(try db.sql("SELECT count(*) FROM pg_roles WHERE rolname = 'eve_\(db.suffix)'") == "0")
        #expect(try db.sql("SELECT count(*) FROM app_users WHERE disabled_at IS NOT NULL") == "0")

        // The database refuses by itself too, for a session that skips the CLI…
        let session = try db.connect(user: coordinator)
        defer { session.close() }
        let refused = try #require(throws: PostgresError.self) {
            try session.query("SELECT admin_add_unit('BERGEN', 'Bergen', 'prison_high', 'OST')")
        }
        #expect(refused.sqlState == "42501" && refused.hint == "vaktlogg:admin_required", "\(refused)")
        // …and accepts the same call from an administrator's session.
        let adminSession = try db.connect(user: admin)
        defer { adminSession.close() }
        _ = try adminSession.query("SELECT admin_add_unit('BERGEN', 'Bergen', 'prison_high', 'OST')")
        #expect(try db.sql("SELECT count(*) FROM units WHERE code = 'BERGEN'") == "1")
    }

    @Test func disabledUserCanNoLongerConnect() throws {
        let (db, admin) = try Self.setUp()
        let env = db.environment(user: admin)
        let per = "per_\(db.suffix)"
        let add = try bin.run(["user", "add", per, "--role", "duty_officer", "--unit", "OSLO"], environment: env)
        #expect(add.exitCode == 0, "\(add)")
        #expect(try bin.run(["unit", "list"], environment: db.environment(user: per)).exitCode == 0)

        let disable = try bin.run(["user", "disable", per], environment: env)
        #expect(disable.exitCode == 0, "\(disable)")
        #expect(disable.stdout.contains("Bruker \(per) er deaktivert"))

        let after = try bin.run(["unit", "list"], environment: db.environment(user: per))
        #expect(after.exitCode == 77, "\(after)")
        #expect(after.stderr.contains("innlogging avvist"))
        #expect(after.stdout.isEmpty)
        // Behind the CLI's back: the login is refused by the database itself (CONNECT revoked).
        let login = try #require(throws: PostgresError.self) { try db.connect(user: per) }
        #expect(login.kind == .connection && login.message.contains("permission denied for database"), "\(login)")

        let listed = Self.json(try bin.run(["user", "list", "--json"], environment: env).stdout)
        let p = listed.first { $0["name"] as? String == per } ?? [:]
        #expect(p["disabled"] as? Bool == true)
        #expect(p["disabled_at"] is String)
        let text = try bin.run(["user", "list"], environment: env)
        #expect(text.stdout.contains("deaktivert "), "\(text)")

        let again = try bin.run(["user", "disable", per], environment: env)
        #expect(again.exitCode == 65)
        #expect(again.stderr.contains("name: ukjent eller allerede deaktivert bruker \(per)"), "\(again)")
        let unknown = try bin.run(["user", "disable", "nobody_\(db.suffix)"], environment: env)
        #expect(unknown.exitCode == 65)
        let me = try bin.run(["user", "disable", admin], environment: env)
        #expect(me.exitCode == 65)
        #expect(me.stderr.contains("name: du kan ikke deaktivere deg selv"), "\(me)")
        #expect(try db.sql("SELECT count(*) FROM app_users WHERE disabled_at IS NOT NULL") == "1")

        // An administrator can give the access back; enabling an active user is refused.
        let enable = try bin.run(["user", "enable", per], environment: env)
        #expect(enable.exitCode == 0, "\(enable)")
        #expect(enable.stdout.contains("Bruker \(per) er aktiv igjen"))
        #expect(try bin.run(["unit", "list"], environment: db.environment(user: per)).exitCode == 0)
        let twice = try bin.run(["user", "enable", per], environment: env)
        #expect(twice.exitCode == 65)
        #expect(twice.stderr.contains("name: ingen deaktivert bruker \(per)"), "\(twice)")
        let notAdmin = try bin.run(["user", "enable", admin], environment: db.environment(user: per))
        #expect(notAdmin.exitCode == 77, "\(notAdmin)")
        #expect(try db.sql("SELECT count(*) FROM app_users WHERE disabled_at IS NOT NULL") == "0")
    }

    @Test func missingOptionIsAUsageErrorAndUnreachableDatabaseIs69() throws {
        let (db, admin) = try Self.setUp()
        let usage = try bin.run(["unit", "add", "BERGEN", "--name", "Bergen", "--type", "prison_high"],
                                environment: db.environment(user: admin))
        #expect(usage.exitCode == 64, "\(usage)")
        let down = try bin.run(["unit", "list"],
                               environment: ["VAKTLOGG_DATABASE_URL": "postgresql://nobody@/nowhere?host=/nonexistent-socket-dir"])
        #expect(down.exitCode == 69, "\(down)")
        #expect(down.stderr.contains("databasen kan ikke nås"))
    }
}
