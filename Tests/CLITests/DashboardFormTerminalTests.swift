import EmbeddedPostgres
import Foundation
import Testing

/// The dashboard's new-entry form end to end in a real 80×24 terminal (tmux): a P1 «vold mot
/// tilsatt» with one inmate reference and a one-line text, logged from the queue within the budget
/// of 25 keystrokes (the text's and the reference's own characters not counted), seen in the queue
/// and in the database.
@Suite struct DashboardFormTerminalTests {
    @Test func aP1IsLoggedThroughTheFormWithinTheKeystrokeBudgetAndAppearsInTheQueue() throws {
        let w = try CLIWorld()
        let ola = try w.user("ola", "duty_officer", ["OSLO"])
        try w.log(ola, "incident", ["--category", "damage", "--text", "Knust vindu", "--probability", "2", "--consequence", "2"])
        var env: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        for (k, v) in w.environment(ola) { if let v { env[k] = v } }
        let t = try TerminalSession([w.bin.url.path, "dashboard"], environment: env, columns: 80, rows: 24)
        try t.waitFor("Kø · 1 åpne")

        var counted = 0
        func press(_ names: String...) throws {
            counted += names.count
            for n in names { try t.keys(n) }
        }
        func literal(_ text: String) throws { try t.keys("-l", text) }

        try press("n")
        let form = try t.waitFor("Ny oppføring · uønsket hendelse")
        #expect(form.contains("Tab/⇧Tab felt"), "\(form)")
        try press("Tab", "v", "t")
        try t.waitFor("vold mot tilsatt   «vt»")
        try press("Tab")
        try literal("Innsatt slo betjent i gangen")
        try press("Tab")
        try literal("INN-4471")
        try press("Tab", "Tab", "3", "Tab", "4", "Enter")
        let judged = try t.waitFor("Reglenes vurdering")
        #expect(judged.contains("Prioritet P1"), "the rules' judgement before saving:\n\(judged)")
        #expect(judged.contains("Lagre oppføringen? Kan ikke angres."), "\(judged)")
        try press("j")
        let logged = try t.waitFor("Ført: ")
        #expect(counted == 13 && counted <= 25, "keystrokes besides the text and the reference: \(counted)")
        let lines = logged.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(logged.contains("Kø · 2 åpne"), "\(logged)")
        #expect(lines[3].hasPrefix(" P1 ") && lines[3].contains("vold mot tilsatt"), "the new P1 first:\n\(logged)")

        let listed = try w.run(ola, ["list", "--json"])
        #expect(listed.exitCode == 0, "\(listed)")
        #expect(listed.stdout.contains("Innsatt slo betjent i gangen") && listed.stdout.contains("violence_staff"), "\(listed)")
        let ref = try #require(lines.last?.split(separator: " ").first { $0.hasPrefix("OSLO-") }.map(String.init), "\(logged)")
        let shown = try w.run(ola, ["show", ref])
        #expect(shown.exitCode == 0 && shown.stdout.contains("INN-4471"), "the person was stored with the entry:\n\(shown)")

        try t.keys("q")
        #expect(try t.waitFor("EXIT=").contains("EXIT=0"))
    }
}
