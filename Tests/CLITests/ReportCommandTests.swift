import Foundation
import Postgres
import Testing
import VaktloggTestSupport

/// `vaktlogg report sik` end to end: the built binary as a manager, its exit codes and messages, the
/// JSON on stdout, the PDF through Chromium (and the message naming the package without it), and
/// the progress line on a real terminal.
@Suite struct ReportCommandTests {
    struct Setup {
        let w: CLIWorld
        let manager: String
        let officer: String
    }

    static func setup() throws -> Setup {
        let w = try CLIWorld()
        let manager = try w.user("mona", "manager", ["OSLO", "ILA"])
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        try w.log(officer, "deviation", ["--category", "door_lock", "--text", "Celledør låste ikke", "--probability", "2", "--consequence", "2"])
        return Setup(w: w, manager: manager, officer: officer)
    }

    @Test func usageErrorsNameTheFieldAndWhatIsAllowed() throws {
        let s = try Self.setup()
        let cases: [([String], String)] = [
            (["report", "sik", "--period", "2026-10"], "vaktlogg: give either --unit or --region\n"),
            (["report", "sik", "--unit", "OSLO"], "vaktlogg: give either --period or both --from and --to (YYYY-MM-DD)\n"),
            (["report", "sik", "--unit", "OSLO", "--period", "2026-13"],
             "vaktlogg: invalid --period 2026-13; allowed: YYYY, YYYY-MM, YYYY-Q1…Q4, last-month, last-quarter\n"),
            (["report", "sik", "--unit", "OSLO", "--period", "2026", "--format", "xml"],
             "vaktlogg: invalid --format xml; allowed: text, md, csv, json, html, pdf\n"),
            (["report", "sik", "--unit", "OSLO", "--period", "2026", "--format", "pdf"], "vaktlogg: --format pdf needs --out FILE\n"),
        ]
        for (args, message) in cases {
            let r = try s.w.run(s.manager, args + ["--lang", "en"])
            #expect(r.exitCode == 64, "\(args) \(r)")
            #expect(r.stderr == message, "\(args)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func aRegionReportAsJSONHasEachUnitAndTheRollUp() throws {
        let s = try Self.setup()
        let r = try s.w.run(s.manager, ["report", "sik", "--region", "OST", "--period", "last-month", "--format", "json"])
        #expect(r.exitCode == 0, "\(r)")
        let doc = try #require(JSON.parsedObject(r.stdout))
        let sections = try #require(doc["sections"] as? [[String: Any]])
        #expect(sections.map { $0["unit"] as? String } == ["ILA", "OSLO", nil])
        // Not on a terminal: no progress line on stderr.
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        // A unit the manager does not have is refused as not permitted, whatever it holds.
        let other = try s.w.run(s.officer, ["report", "sik", "--unit", "ILA", "--period", "2026", "--lang", "en"])
        #expect(other.exitCode == 77, "\(other)")
    }

    @Test func pdfThroughChromiumOrAMessageNamingThePackage() throws {
        let s = try Self.setup()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("oslo.pdf")
        let args = ["report", "sik", "--unit", "OSLO", "--period", "2026", "--format", "pdf", "--out", pdf.path, "--lang", "en"]
        // Without Chromium on PATH: exit 69 and the package to install; no file.
        let missing = try s.w.run(s.manager, args, env: ["PATH": "/nonexistent"])
        #expect(missing.exitCode == 69, "\(missing)")
        #expect(missing.stderr == "vaktlogg: PDF needs Chromium: install the Debian package \"chromium\" (ops/setup.sh --reports)\n")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
        // With it (ops/setup.sh --reports installs it; ops/test.sh asks for it): a PDF.
        let made = try s.w.run(s.manager, args)
        #expect(made.exitCode == 0, "\(made)")
        #expect(try Data(contentsOf: pdf).starts(with: Array("%PDF-".utf8)))
    }

    /// The progress line is shown while the report is computed and erased afterwards. The test holds
    /// a lock the report's first metric query needs, so the report is caught mid-way for as long as
    /// the test wants — no timing involved.
    @Test func progressIsShownOnATerminalWhileComputing() throws {
        let s = try Self.setup()
        let blocker = try s.w.db.connect()
        defer { blocker.close() }
        _ = try blocker.unsafeExecuteScript("BEGIN; LOCK TABLE decisions IN ACCESS EXCLUSIVE MODE")
        var env: [String: String] = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        for (k, v) in s.w.environment(s.manager) { if let v { env[k] = v } }
        // The report goes to a file, so the screen holds only what the command shows the user.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("report-tty-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: out) }
        let t = try TerminalSession([s.w.bin.url.path, "report", "sik", "--region", "OST", "--period", "2026", "--lang", "en",
                                     "--out", out.path], environment: env)
        // ILA first (units in code order), then OSLO, then the roll-up.
        try t.waitFor("computing part 1 of 3 …")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        _ = try blocker.unsafeExecuteScript("COMMIT")
        let after = try t.waitFor("EXIT=0", timeout: 60)
        #expect(!after.contains("computing part"), "the progress line is erased:\n\(after)")
        let report = try String(contentsOf: out, encoding: .utf8)
        #expect(report.hasPrefix("SIK report: OST\n"), "\(report.prefix(200))")
    }
}
