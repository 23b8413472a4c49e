import EmbeddedPostgres
import Foundation
import Testing

/// The dashboard when its database goes away, in a real terminal (tmux) on an embedded cluster of
/// its own: `db stop` → the last data stays on screen marked stale with the time of the last good
/// read; an entry stored meanwhile (the CLI starts the cluster again) → the dashboard reconnects by
/// itself and catches up, without a key being pressed.
@Suite("Dashboard: database lost and regained", .serialized)
struct DashboardOutageTerminalTests {
    @Test func staleOnStopThenReconnectsAndCatchesUp() throws {
        let world = try OutageTests.Embedded()
        defer { world.remove() }
        try world.prepare()
        let first = try world.run(OutageTests.entry + ["--text", "Hasj funnet i celle 2"])
        try #require(first.exitCode == 0, "\(first)")

        var env: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        for (k, v) in world.env { if let v { env[k] = v } }
        let t = try TerminalSession([world.bin.url.path, "dashboard"], environment: env, columns: 100, rows: 30)
        let before = try t.waitFor("Kø · 1 åpne")
        #expect(before.contains("● tilkoblet"), "\(before)")

        let stop = try world.run(["db", "stop"])
        try #require(stop.exitCode == 0, "\(stop)")
        let stale = try t.waitFor("FORELDET · sist lest")
        #expect(stale.contains("Kø · 1 åpne") && stale.contains("funn av narkotika"), "the last data stays:\n\(stale)")

        // `log` starts the embedded cluster again and stores the entry; the dashboard, retrying on
        // its own, reconnects and reads it.
        let second = try world.run(OutageTests.entry + ["--text", "Hasj funnet i celle 9"])
        #expect(second.exitCode == 0, "\(second)")
        let back = try t.waitFor("Kø · 2 åpne")
        #expect(back.contains("● tilkoblet") && !back.contains("FORELDET"), "\(back)")

        try t.keys("q")
        #expect(try t.waitFor("EXIT=").contains("EXIT=0"))
    }
}
