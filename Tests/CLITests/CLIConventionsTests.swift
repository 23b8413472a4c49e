import Foundation
import Testing

/// The CLI's conventions (issue 9): human output names codes by their labels in both languages
/// while `--json` keeps the codes; `--json` is output on every command and `--input FILE|-` reads
/// an entry; `--lang` may come before the subcommand.
@Suite struct CLIConventionsTests {
    @Test func showNamesEveryCodeByItsLabelAndJSONKeepsTheCodes() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])
        let ref = try w.log(officer, "incident", ["--category", "violence_staff", "--text", "Slag mot betjent",
                                                  "--probability", "3", "--consequence", "4", "--person", "inmate:INM-7",
                                                  "--domain", "correctional_security"])
        #expect(try w.run(coordinator, ["ack", ref]).exitCode == 0)
        let measure = try w.run(coordinator, ["measure", ref, "--type", "extra_control", "--purpose", "security",
                                              "--burden", "rehabilitation", "--restrictiveness", "1",
                                              "--rehabilitation-note", "Samtaler fortsetter"])
        #expect(measure.exitCode == 0, "\(measure)")

        let nb = try w.run(coordinator, ["show", ref])
        #expect(nb.exitCode == 0, "\(nb)")
        for raw in ["correctional_security", "violence_staff", "(high)", "  acknowledge", "burdens:", "rehabilitation",
                    "outcome: allowed", "inmate:", "extra_control", "life_health", "main_rule", "threshold;"] {
            #expect(!nb.stdout.contains(raw), "raw code «\(raw)» in bokmål show:\n\(nb.stdout)")
        }
        for label in ["uønsket hendelse: vold mot tilsatt", "Område: straffegjennomføringssikkerhet", "Personer: innsatt INM-7",
                      "interesser: liv og helse, sikkerhet", "  kvittert", "belaster: påvirkningsarbeid", "utfall: tillatt",
                      "type: ekstra kontroll", "(høy)"] {
            #expect(nb.stdout.contains(label), "missing «\(label)» in bokmål show:\n\(nb.stdout)")
        }

        // `--lang` before the subcommand, and the English labels.
        let en = try w.run(coordinator, ["--lang", "en", "show", ref])
        #expect(en.exitCode == 0, "\(en)")
        for raw in ["correctional_security", "violence_staff", "extra_control", "inmate:", "life_health"] {
            #expect(!en.stdout.contains(raw), "raw code «\(raw)» in English show:\n\(en.stdout)")
        }
        for label in ["incident: violence against staff", "Domain: correctional security", "Persons: inmate INM-7",
                      "interests: life and health, security", "  acknowledged", "outcome: allowed", "type: extra control"] {
            #expect(en.stdout.contains(label), "missing «\(label)» in English show:\n\(en.stdout)")
        }

        let json = JSON.object(try w.run(coordinator, ["show", ref, "--json"]).stdout)
        #expect(json["domain"] as? String == "correctional_security")
        #expect(json["category"] as? String == "violence_staff")
        #expect(json["interests"] as? [String] == ["life_health", "security"])
        let history = json["history"] as? [[String: Any]] ?? []
        #expect(history.compactMap { $0["what"] as? String } == ["acknowledge", "measure"])
    }

    @Test func jsonIsOutputAndInputIsAFileOrStandardInput() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let coordinator = try w.user("kari", "security_coordinator", ["OSLO"])

        // Flags and --json: the entry comes from the flags, the answer is JSON.
        let flags = try w.run(officer, ["log", "incident", "--category", "fire", "--text", "Røyk", "--probability", "2",
                                        "--consequence", "2", "--json"])
        #expect(flags.exitCode == 0, "\(flags)")
        #expect(JSON.object(flags.stdout)["ref"] as? String == "OSLO-1")

        // --input FILE: the entry from a file, answered in words.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vaktlogg-entry-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSON.text(["kind": "deviation", "category": "door_lock", "text": "Dør 4 låser ikke",
                       "probability": 2, "consequence": 3]).write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try w.run(officer, ["log", "deviation", "--input", file.path])
        #expect(fromFile.exitCode == 0, "\(fromFile)")
        #expect(fromFile.stdout.hasPrefix("Registrert OSLO-2 · P2 · risiko 6 (moderat)"), "\(fromFile)")

        let missing = try w.run(officer, ["log", "deviation", "--input", file.path + ".missing"])
        #expect(missing.exitCode == 64, "\(missing)")
        #expect(missing.stderr == "vaktlogg: kan ikke lese \(file.path).missing\n")
        #expect(try w.count("entries") == 2)

        // A lifecycle command with --json answers with the entry's new state.
        let ack = try w.run(coordinator, ["ack", "OSLO-1", "--json"])
        #expect(ack.exitCode == 0, "\(ack)")
        let state = JSON.object(ack.stdout)
        #expect(state["ref"] as? String == "OSLO-1")
        #expect(state["status"] as? String == "acknowledged")
    }

    @Test func langAndEnumOptionsAreDeclaredOnceAndListTheirValues() throws {
        let bin = try VaktloggBinary.locate()
        let before = try bin.run(["--lang", "en", "rules", "explain", "risk"])
        let after = try bin.run(["rules", "explain", "risk", "--lang", "en"])
        #expect(before.exitCode == 0, "\(before)")
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("Kind: threshold"), "\(before)")

        let help = try bin.run(["list", "--help"])
        #expect(help.stdout.contains("under_treatment") && help.stdout.contains("under behandling"), "\(help)")
        #expect(help.stdout.components(separatedBy: "\n  --lang <LANG>").count == 2, "--lang is listed once: \(help.stdout)")
    }
}
