import Foundation
import Testing

/// On a terminal, `log` asks for what is missing, listing the allowed values, and refuses an answer
/// outside them. Driven through a real terminal (tmux).
@Suite("Interactive log on a terminal")
struct InteractiveLogTests {
    @Test func missingFieldsAreAskedForWithTheAllowedValues() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        var env: [String: String] = [:]
        for (k, v) in w.environment(officer) { if let v { env[k] = v } }
        env["TERM"] = "xterm"
        let t = try TerminalSession([w.bin.url.path, "log", "incident", "--text", "Kuttskader på celle 4"], environment: env)

        let first = try t.waitFor("Kategori [")
        #expect(first.contains("violence_staff") && first.contains("self_harm"), "allowed categories are listed: \(first)")
        try t.type("selvskading")
        try t.waitFor("ugyldig verdi")
        try t.type("self_harm")
        try t.waitFor("Sannsynlighet [1, 2, 3, 4, 5]")
        try t.type("2")
        try t.waitFor("Konsekvens [1, 2, 3, 4, 5]")
        try t.type("4")
        let done = try t.waitFor("EXIT=")
        #expect(done.contains("EXIT=0"), "\(done)")
        #expect(done.contains("Registrert OSLO-1 · P1"), "\(done)")

        #expect(try w.sql("SELECT category || ':' || probability || ':' || consequence || ':' || text FROM entries")
                == "self_harm:2:4:Kuttskader på celle 4")
    }

    @Test func offTheTerminalNothingIsAskedAndTheMissingFieldIsNamed() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let r = try w.run(officer, ["log", "incident", "--text", "Kuttskader", "--probability", "2", "--consequence", "4"])
        #expect(r.exitCode == 65)
        #expect(r.stderr.contains("category: mangler; tillatt for incident: violence_staff"), "\(r)")
        #expect(try w.count("entries") == 0)
    }
}
