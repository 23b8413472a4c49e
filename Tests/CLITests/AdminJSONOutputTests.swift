import Foundation
import Testing
import VaktloggTestSupport

/// `--json` on the administration commands that change something: `region|unit|user add` answer
/// with the object their `list --json` shows, `user disable|enable` with the account after the
/// change — the same keys, so a script reads one shape.
@Suite struct AdminJSONOutputTests {
    @Test func addDisableAndEnableAnswerJSON() throws {
        let w = try CLIWorld()
        let admin = try w.user("admin", "admin", [])

        let region = try w.run(admin, ["region", "add", "NORD", "--name", "Region nord", "--json"])
        #expect(region.exitCode == 0, "\(region)")
        let r = try #require(JSON.parsedObject(region.stdout))
        #expect(Set(r.keys) == ["code", "name", "units"], "\(r)")
        #expect(r["code"] as? String == "NORD")

        let unit = try w.run(admin, ["unit", "add", "TROMSO", "--name", "Tromsø fengsel", "--type", "prison_lower",
                                     "--region", "NORD", "--security-level", "3", "--json"])
        #expect(unit.exitCode == 0, "\(unit)")
        let u = try #require(JSON.parsedObject(unit.stdout))
        let listed = try #require(JSON.parsedArray(try w.run(admin, ["unit", "list", "--json"]).stdout))
        let tromso = try #require(listed.first { $0["code"] as? String == "TROMSO" })
        #expect(Set(u.keys) == Set(tromso.keys), "unit add --json has the keys of unit list --json: \(u)")
        #expect(u["security_level"] as? Int == 3)
        #expect(u["region"] as? String == "NORD")

        let name = "kari_\(w.db.suffix)"
        let user = try w.run(admin, ["user", "add", name, "--role", "duty_officer", "--unit", "TROMSO", "--json"])
        #expect(user.exitCode == 0, "\(user)")
        let a = try #require(JSON.parsedObject(user.stdout))
        #expect(a["name"] as? String == name, "\(a)")
        #expect(a["role"] as? String == "duty_officer")
        #expect(a["disabled"] as? Bool == false)
        let users = try #require(JSON.parsedArray(try w.run(admin, ["user", "list", "--json"]).stdout))
        let kari = try #require(users.first { $0["name"] as? String == name })
        #expect(Set(a.keys) == Set(kari.keys), "user add --json has the keys of user list --json")

        let disabled = try w.run(admin, ["user", "disable", name, "--json"])
        #expect(disabled.exitCode == 0, "\(disabled)")
        let d = try #require(JSON.parsedObject(disabled.stdout))
        #expect(d["name"] as? String == name, "\(d)")
        #expect(d["disabled"] as? Bool == true)
        #expect(try w.sql("SELECT disabled_at IS NOT NULL FROM app_users WHERE name = '\(name)'") == "t")

        let enabled = try w.run(admin, ["user", "enable", name, "--json"])
        #expect(enabled.exitCode == 0, "\(enabled)")
        let e = try #require(JSON.parsedObject(enabled.stdout))
        #expect(e["disabled"] as? Bool == false, "\(e)")
    }
}
