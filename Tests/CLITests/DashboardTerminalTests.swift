import EmbeddedPostgres
import Foundation
import Testing

/// `vaktlogg dashboard` end to end: a real process in a real 80×24 terminal (tmux), against the test
/// cluster, driven with send-keys and read with capture-pane. Synchronised only by polling the screen
/// for the text expected next, a bounded number of times.
@Suite struct DashboardTerminalTests {
    @Test func opensAnEntryGoesBackSeesAnotherProcessLogAndQuits() throws {
        let w = try CLIWorld()
        let kari = try w.user("kari", "security_coordinator", ["OSLO"])
        let ola = try w.user("ola", "duty_officer", ["OSLO"])
        let p2 = try w.log(ola, "incident", ["--category", "contraband_phone", "--text", "Telefon funnet i sokk",
                                             "--probability", "2", "--consequence", "3"])
        try w.log(ola, "incident", ["--category", "violence_staff", "--text", "Innsatt slo betjent på gården",
                                             "--probability", "3", "--consequence", "4"])
        var env: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        for (k, v) in w.environment(kari) { if let v { env[k] = v } }
        // Bare `vaktlogg` on a terminal is the dashboard.
        let t = try TerminalSession([w.bin.url.path], environment: env, columns: 80, rows: 24)

        let queue = try t.waitFor("Kø · 2 åpne")
        let lines = queue.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.contains("│ ● tilkoblet │ OSLO") == true, "\(queue)")
        #expect(lines[3].hasPrefix(" P1 ") && lines[3].contains("vold mot tilsatt"), "P1 first (triage order):\n\(queue)")
        #expect(lines[4].hasPrefix(" P2 ") && lines[4].contains("funn av mobiltelefon"), "\(queue)")
        #expect(lines[23].hasPrefix(" ↑↓ jk flytt"), "\(queue)")

        // Filter by priority from the command line, then clear it.
        try t.keys(":", "p", "r", "i", " ", "P", "2", "Enter")
        let filtered = try t.waitFor("Kø · 1 av 2 åpne   pri=P2")
        #expect(filtered.contains("funn av mobiltelefon") && !filtered.contains("vold mot tilsatt"), "\(filtered)")
        try t.keys(":", "t", "ø", "m", "Enter")
        try t.waitFor("Kø · 2 åpne\n") // capture-pane drops trailing blanks

        try t.keys("j", "Enter")
        let detail = try t.waitFor("Historikk")
        #expect(detail.contains("P2 · \(p2) · uønsket hendelse · funn av mobiltelefon"), "\(detail)")
        #expect(detail.contains("Telefon funnet i sokk"), "\(detail)")

        // Acknowledge from the detail: asked first, recorded through the Store only on the yes.
        try t.keys("a")
        let asked = try t.waitFor("Kan ikke angres")
        #expect(asked.contains("Kvitter \(p2)? Kan ikke angres. j = ja · n/Esc = nei"), "\(asked)")
        try t.keys("j")
        let acked = try t.waitFor("kvitter – registrert")
        #expect(acked.contains("kvittert"), "the entry was re-read with its new status:\n\(acked)")
        let listed = try w.run(kari, ["list", "--status", "acknowledged"])
        #expect(listed.stdout.contains(p2), "recorded in the database: \(listed)")

        try t.keys("Escape")
        try t.waitFor(" ↑↓ jk flytt")
        // Another process logs an entry: it appears without a key being pressed.
        try w.log(ola, "incident", ["--category", "self_harm", "--text", "Kuttskader celle 4",
                                                "--probability", "2", "--consequence", "4"])
        let live = try t.waitFor("Kø · 3 åpne")
        #expect(live.contains("selvskading"), "\(live)")
        
        // A larger terminal: KEY_RESIZE redraws with the text column.
        try t.resize(columns: 132, rows: 43)
        let wide = try t.waitFor("Neste frist  Tekst")
        #expect(wide.contains("Kuttskader celle 4"), "\(wide)")

        try t.keys("q")
        let done = try t.waitFor("EXIT=")
        #expect(done.contains("EXIT=0"), "\(done)")
    }

    @Test func withoutATerminalItPrintsTheQueueAndEnds() throws {
        let w = try CLIWorld()
        let ola = try w.user("ola", "duty_officer", ["OSLO"])
        let ref = try w.log(ola, "incident", ["--category", "damage", "--text", "Knust vindu", "--probability", "2", "--consequence", "2"])
        let r = try w.run(ola, ["dashboard"])
        #expect(r.exitCode == 0, "\(r)")
        #expect(r.stdoutLines.count == 1 && r.stdoutLines.first?.contains(ref) == true, "\(r)")
        #expect(r.stdoutLines.first?.hasPrefix("P4 \(ref)") == true, "\(r)")
        // Bare `vaktlogg` off a terminal prints the same queue and ends.
        let bare = try w.run(ola, [])
        #expect(bare.exitCode == 0 && bare.stdoutLines == r.stdoutLines, "\(bare)")
    }
}
