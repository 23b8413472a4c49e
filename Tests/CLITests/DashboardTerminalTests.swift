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
        let t = try DashboardTerminal([w.bin.url.path, "dashboard"], environment: env)

        let queue = try t.waitFor("Kø · 2 åpne")
        let lines = queue.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.contains("│ ● tilkoblet │ OSLO") == true, "\(queue)")
        #expect(lines[3].hasPrefix(" P1 ") && lines[3].contains("violence staff"), "P1 first (triage order):\n\(queue)")
        #expect(lines[4].hasPrefix(" P2 ") && lines[4].contains("contraband phone"), "\(queue)")
        #expect(lines[23].hasPrefix(" ↑↓ jk flytt"), "\(queue)")

        try t.keys("j", "Enter")
        let detail = try t.waitFor("Historikk")
        #expect(detail.contains("P2 · \(p2) · hendelse · contraband phone"), "\(detail)")
        #expect(detail.contains("Telefon funnet i sokk"), "\(detail)")

        try t.keys("Escape")
        try t.waitFor(" ↑↓ jk flytt")
        // Another process logs an entry: it appears without a key being pressed.
        try w.log(ola, "incident", ["--category", "self_harm", "--text", "Kuttskader celle 4",
                                                "--probability", "2", "--consequence", "4"])
        let live = try t.waitFor("Kø · 3 åpne")
        #expect(live.contains("self harm"), "\(live)")
        
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
    }
}

/// A detached tmux session of 80×24 on a private server.
final class DashboardTerminal {
    let socket = "vaktlogg-dash-\(UUID().uuidString.prefix(8).lowercased())"

    init(_ arguments: [String], environment: [String: String]) throws {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command = (["env"] + assignments + arguments.map(Self.quote)).joined(separator: " ") + "; echo EXIT=$?; sleep 120"
        try tmux(["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Presses keys by tmux name (`Enter`, `Escape`, `j` …).
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", "t"] + names)
    }

    /// Resizes the terminal (the program gets SIGWINCH, ncurses a KEY_RESIZE).
    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", "t", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Polls the screen until it contains `text`, at most `tries` times 50 ms apart.
    @discardableResult
    func waitFor(_ text: String, tries: Int = 300) throws -> String {
        var last = ""
        for _ in 0..<tries {
            last = try tmux(["capture-pane", "-p", "-t", "t"])
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw TerminalError(description: "“\(text)” did not appear; screen:\n\(last)")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(["/usr/bin/tmux", "-L", socket] + arguments)
        guard result.exitCode == 0 else {
            throw TerminalError(description: "tmux \(arguments.first ?? "") exited \(result.exitCode): \(result.output)")
        }
        return result.output
    }

    private static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
