import Foundation
import Testing
import VaktloggTestSupport

/// `log --input FILE|-` reads the whole entry; a per-field flag beside it would be silently ignored,
/// so the command refuses the combination as a usage error (64) naming the flags, in the user's
/// language, and stores nothing.
@Suite struct LogInputConflictTests {
    static let input = #"{"kind":"incident","category":"damage","unit":"OSLO","text":"Knust vindu","probability":2,"consequence":3}"#

    @Test func inputWithFieldFlagsIsRefused() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let nb = try w.run(officer, ["log", "incident", "--input", "-", "--category", "fire", "--probability", "5"], stdin: Self.input)
        #expect(nb.exitCode == 64, "\(nb)")
        #expect(nb.stderr.contains("--input leser hele oppføringen og kan ikke kombineres med --category, --probability"), "\(nb.stderr)")
        let en = try w.run(officer, ["log", "incident", "--input", "-", "--disable-working-hours", "--lang", "en"], stdin: Self.input)
        #expect(en.exitCode == 64, "\(en)")
        #expect(en.stderr.contains("--input reads the whole entry and cannot be combined with --disable-working-hours"), "\(en.stderr)")
        #expect(try w.count("entries") == 0, "nothing stored")

        // Positive control: the same input alone is logged, with its own values.
        let ok = try w.run(officer, ["log", "incident", "--input", "-", "--json"], stdin: Self.input)
        #expect(ok.exitCode == 0, "\(ok)")
        #expect(try w.sql("SELECT category || '|' || probability FROM entries") == "damage|2")
    }
}
