import Foundation
import Testing
import VaktloggTestSupport

/// `vaktlogg rules register FILE` (administrator) and `vaktlogg log --rules FILE`: an entry is judged
/// by a rule file only once an administrator has registered it; before that the database refuses it
/// and nothing is stored.
@Suite struct RulesRegisterCommandTests {
    /// The default rule set with another version and bands under which 2 × 5 = 10 is critical.
    static func ruleFile(_ w: CLIWorld, version: String) throws -> String {
        let shown = try w.bin.run(["rules", "show", "--json"])
        #expect(shown.exitCode == 0, "\(shown)")
        var set = try #require(JSON.parsedObject(shown.stdout)?["rule_set"] as? [String: Any])
        set["version"] = version
        set["risk_bands"] = [["band": "low", "min": 1, "max": 2], ["band": "moderate", "min": 3, "max": 4],
                             ["band": "high", "min": 5, "max": 9], ["band": "critical", "min": 10, "max": 25]]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vaktlogg-register-\(UUID().uuidString).json").path
        try JSONSerialization.data(withJSONObject: set, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func logByARuleFileOnlyOnceRegistered() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let admin = try w.user("admin", "admin", [])
        let path = try Self.ruleFile(w, version: "local-9")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entry = ["log", "incident", "--unit", "OSLO", "--category", "fire", "--text", "Brann i søppelkasse",
                     "--probability", "2", "--consequence", "5", "--rules", path, "--json"]

        let before = try w.count("entries")
        let refused = try w.run(officer, entry)
        #expect(refused.exitCode == 65, "\(refused)")
        #expect(refused.stderr.contains("regelsettet er ikke registrert i databasen"), "\(refused.stderr)")
        #expect(try w.count("entries") == before, "nothing stored")

        let notAdmin = try w.run(officer, ["rules", "register", path])
        #expect(notAdmin.exitCode == 77, "\(notAdmin)")

        let registered = try w.run(admin, ["rules", "register", path, "--json"])
        #expect(registered.exitCode == 0, "\(registered)")
        let answer = try #require(JSON.parsedObject(registered.stdout))
        #expect(answer["version"] as? String == "local-9")
        let hash = try #require(answer["hash"] as? String)
        #expect(try w.sql("SELECT hash FROM rule_sets WHERE version = 'local-9'") == hash)
        let again = try w.run(admin, ["rules", "register", path, "--lang", "en"])
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout.contains("Rule set local-9 is registered in the database, hash \(hash)"), "\(again.stdout)")

        let logged = try w.run(officer, entry)
        #expect(logged.exitCode == 0, "\(logged)")
        let result = try #require(JSON.parsedObject(logged.stdout))
        #expect(result["rules_version"] as? String == "local-9")
        #expect(result["band"] as? String == "critical", "2 × 5 is critical under the file's bands")
        #expect(try w.count("entries", where: "rules_version = 'local-9' AND rules_hash = '\(hash)'") == 1)

        // Without --rules the same entry is judged by the default set (10 is high there).
        let plain = try w.run(officer, Array(entry.dropLast(3)) + ["--json"])
        #expect(plain.exitCode == 0, "\(plain)")
        #expect(JSON.parsedObject(plain.stdout)?["rules_version"] as? String == "ksf-2006.2")
        #expect(JSON.parsedObject(plain.stdout)?["band"] as? String != "critical")
    }

    @Test func anUnreadableRuleFileIsAUsageError() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let r = try w.run(officer, ["log", "incident", "--unit", "OSLO", "--category", "fire", "--text", "Brann",
                                    "--probability", "2", "--consequence", "3", "--rules", "/nonexistent/rules.json"])
        #expect(r.exitCode == 64, "\(r)")
        #expect(try w.count("entries") == 0)
    }
}
