import Foundation
import Testing

/// The commands added with ksf-2006.2 through the built binary: person flags, decision types and
/// per-unit deadlines.
@Suite struct RulesRevisionTwoCommandTests {
    @Test func personFlagsDecisionTypesAndUnitDeadlines() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let kari = try w.user("kari", "security_coordinator", ["OSLO"])
        let admin = try w.user("root", "admin", ["OSLO"])

        // Flags: a coordinator sets one with a reason; an officer may not; --set and --lift together is a usage error.
        let set = try w.run(kari, ["person", "flag", "K-2026-0100", "--set", "forvaring", "--reason", "Dømt til forvaring", "--unit", "OSLO", "--json"])
        #expect(set.exitCode == 0, "\(set)")
        #expect(JSON.object(set.stdout)["action"] as? String == "set")
        #expect(try w.run(officer, ["person", "flag", "K-2026-0100", "--set", "infoflyt", "--reason", "x", "--unit", "OSLO"]).exitCode == 77)
        #expect(try w.run(kari, ["person", "flag", "K-2026-0100", "--set", "infoflyt", "--lift", "forvaring", "--reason", "x"]).exitCode == 64)
        #expect(try w.run(kari, ["person", "flag", "K-2026-0100", "--set", "vip", "--reason", "x"]).exitCode == 64)
        let shown = try w.run(kari, ["person", "flag", "K-2026-0100", "--unit", "OSLO", "--json"])
        #expect(JSON.object(shown.stdout)["flags"] as? [String] == ["forvaring"], "\(shown)")

        // Decisions by type: a leave of the forvaring person must be significant.
        let logged = try w.run(officer, ["log", "incident", "--category", "violence_inmate", "--text", "Slagsmål", "--probability", "3",
                                         "--consequence", "3", "--person", "inmate:K-2026-0100", "--json"])
        #expect(logged.exitCode == 0, "\(logged)")
        let ref = JSON.object(logged.stdout)["ref"] as? String ?? ""
        let refused = try w.run(kari, ["decide", ref, "--text", "Permisjon", "--type", "leave", "--person", "K-2026-0100",
                                       "--not-significant-reason", "Ledsaget"])
        #expect(refused.exitCode == 65, "\(refused)")
        #expect(refused.stderr.contains("forvaring"))
        let visit = try w.run(kari, ["decide", ref, "--text", "Besøk", "--type", "visit", "--person", "K-2026-0100", "--json"])
        #expect(visit.exitCode == 0, "\(visit)")
        #expect(try w.sql("SELECT decision_type FROM decisions") == "visit")
        let show = try w.run(kari, ["show", ref])
        #expect(show.stdout.contains("K-2026-0100 [forvaring]"), "\(show.stdout)")

        // Unit deadlines: an unknown key is refused naming the allowed ones; a change applies to new entries.
        let bad = try w.run(admin, ["unit", "deadlines", "OSLO", "--set", "coffee_minutes=5", "--reason", "x"])
        #expect(bad.exitCode == 65, "\(bad)")
        #expect(bad.stderr.contains("coffee_minutes") && bad.stderr.contains("p1_acknowledge_minutes"))
        let badValue = try w.run(admin, ["unit", "deadlines", "OSLO", "--set", "p1_acknowledge_minutes=soon", "--reason", "x"])
        #expect(badValue.exitCode == 65 && badValue.stderr.contains("p1_acknowledge_minutes"))
        #expect(try w.run(kari, ["unit", "deadlines", "OSLO", "--set", "p1_acknowledge_minutes=15", "--reason", "x"]).exitCode == 77)
        let ok = try w.run(admin, ["unit", "deadlines", "OSLO", "--set", "p1_acknowledge_minutes=15", "--reason", "Lang gangvei", "--json"])
        #expect(ok.exitCode == 0, "\(ok)")
        let rows = (try? JSONSerialization.jsonObject(with: Data(ok.stdout.utf8))) as? [[String: Any]] ?? []
        let p1 = rows.first { $0["key"] as? String == "p1_acknowledge_minutes" }
        #expect(p1?["value"] as? Int == 15 && p1?["rule_set_value"] as? Int == 5 && p1?["overridden"] as? Bool == true)
        let unitShow = try w.run(officer, ["unit", "show", "OSLO"])
        #expect(unitShow.exitCode == 0 && unitShow.stdout.contains("p1_acknowledge_minutes"), "\(unitShow)")
    }
}
