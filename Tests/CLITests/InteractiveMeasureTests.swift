import Foundation
import Testing

/// On a terminal, a measure that departs from a main rule is not refused outright: `measure` says
/// why and asks for the justification, then stores the measure as justified. Driven through a real
/// terminal (tmux).
@Suite("Interactive measure on a terminal")
struct InteractiveMeasureTests {
    @Test func aMissingJustificationIsAskedForAndStored() throws {
        let s = try MeasureCommandTests.setup()
        var env: [String: String] = [:]
        for (k, v) in s.w.environment(s.coordinator) { if let v { env[k] = v } }
        env["TERM"] = "xterm"
        let t = try TerminalSession([s.w.bin.url.path, "measure", s.ref, "--type", "search", "--purpose", "order",
                                     "--burden", "security", "--restrictiveness", "1"], environment: env)
        let asked = try t.waitFor("Begrunnelse")
        #expect(asked.contains("tiltaket krever begrunnelse"), "the reason is shown before the question: \(asked)")
        #expect(try s.w.count("measures") == 0, "nothing is stored while the officer is asked")
        try t.type("Gjentatte funn av brukerutstyr")
        let done = try t.waitFor("EXIT=")
        #expect(done.contains("EXIT=0"), "\(done)")
        #expect(done.contains("begrunnet avvik fra hovedregel (security_over_order)"), "\(done)")
        #expect(try s.w.sql("SELECT outcome || '|' || justification FROM measures") == "justified|Gjentatte funn av brukerutstyr")
    }
}
