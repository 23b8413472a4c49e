import Foundation
import Testing

/// End-to-end tests of `vaktlogg rules evaluate | validate | explain | show` through the built binary.
@Suite struct RulesEvaluateTests {
    let bin: VaktloggBinary

    init() throws { bin = try VaktloggBinary.locate() }

    static func json(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    static func error(_ line: String) -> [String: Any] { json(line)["error"] as? [String: Any] ?? [:] }

    static let good: [(String, @Sendable ([String: Any]) -> Bool)] = [
        (#"{"check":"risk","probability":2,"consequence":5}"#, { $0["score"] as? Int == 10 && $0["band"] as? String == "high" }),
        (#"{"check":"organised_crime","criteria":[1,3,5,11,7,9]}"#, { $0["organised"] as? Bool == true && $0["count"] as? Int == 6 }),
        (#"{"check":"serious_crime","offence":"sexual","max_penalty_years":10}"#, { $0["result"] as? String == "serious" }),
        (#"{"check":"triage","entries":[{"id":"a","interests":["order"],"probability":5,"consequence":5,"occurred_at":"2024-01-01T00:00:00Z"},{"id":"b","interests":["public_safety"],"probability":1,"consequence":1,"occurred_at":"2024-01-02T00:00:00Z"}]}"#,
         { $0["order"] as? [String] == ["b", "a"] && ($0["priority"] as? [String: String]) == ["a": "P4", "b": "P1"] }),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"isolation","purpose":"order","burdens":["life_health"],"restrictiveness":4,"justification":"Uro på avdelingen"},"assessment":{"band":"critical","assessed_at":"2024-06-01"}}"#,
         { $0["outcome"] as? String == "rejected" }),
        (#"{"check":"decision","decision":{"public_safety_significant":true,"justification":"Begrunnet","assessment_refs":["RV-1"]}}"#,
         { $0["outcome"] as? String == "allowed" }),
        (#"{"check":"police","threat":{"organised_crime_criteria":[],"infoflyt_subject":true}}"#,
         { $0["decision_required"] as? Bool == true && $0["deadline_hours"] as? Int == 24 }),
    ]

    @Test func everyCheckAnsweredInOrder() throws {
        let r = try bin.run(["rules", "evaluate"], stdin: Self.good.map(\.0).joined(separator: "\n") + "\n")
        #expect(r.exitCode == 0, "\(r)")
        #expect(r.stdoutLines.count == Self.good.count)
        for (line, (request, check)) in zip(r.stdoutLines, Self.good) {
            let j = Self.json(line)
            #expect(check(j), "\(request) → \(line)")
            #expect(j["rules_version"] as? String == "ksf-2006.2")
            let trace = j["trace"] as? [[String: Any]] ?? []
            #expect(!trace.isEmpty)
            #expect(trace.allSatisfy { $0["rule"] is String && $0["kind"] is String && $0["source"] is String && $0["inputs"] is [String: Any] })
        }
    }

    @Test func mixedGoodAndBadLines() throws {
        let lines = [
            #"{"check":"risk","probability":1,"consequence":1}"#,
            #"{"check":"risk","probability":1,"consequence":1"#,
            #"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":["order","rehab"],"restrictiveness":2}}"#,
            #"{"check":"risk","probability":3,"consequence":3,"note":"x"}"#,
            "",
            #"{"check":"risk","probability":5,"consequence":5}"#,
        ]
        let r = try bin.run(["rules", "evaluate"], stdin: lines.joined(separator: "\n"))
        #expect(r.exitCode == 65, "\(r)")
        let out = r.stdoutLines
        #expect(out.count == 5, "blank line skipped, every other line answered")
        #expect(Self.json(out[0])["band"] as? String == "low")
        #expect(Self.error(out[1])["field"] as? String == "")
        #expect(Self.error(out[2])["field"] as? String == "measure.burdens[1]")
        #expect(Self.error(out[3])["field"] as? String == "note")
        #expect(Self.error(out[3])["code"] as? String == "unknown_field")
        #expect(Self.json(out[4])["band"] as? String == "critical")
        #expect(out.allSatisfy { !$0.contains("\n") && $0.hasPrefix("{") })
    }

    @Test func emptyInputIsSuccess() throws {
        let r = try bin.run(["rules", "evaluate"], stdin: "")
        #expect(r.exitCode == 0)
        #expect(r.stdout.isEmpty)
    }

    @Test func largeInputDoesNotDeadlock() throws {
        let n = 20_000
        let input = (0..<n).map { #"{"check":"risk","probability":\#($0 % 5 + 1),"consequence":\#($0 % 3 + 1)}"# }.joined(separator: "\n")
        let r = try bin.run(["rules", "evaluate"], stdin: input)
        #expect(r.exitCode == 0)
        #expect(r.stdoutLines.count == n)
        #expect(Self.json(r.stdoutLines[n - 1])["score"] as? Int == ((n - 1) % 5 + 1) * ((n - 1) % 3 + 1))
    }

    // MARK: rule files

    func defaultRuleSet() throws -> [String: Any] {
        let r = try bin.run(["rules", "show", "--json"])
        #expect(r.exitCode == 0)
        let j = Self.json(r.stdout)
        #expect(j["version"] as? String == "ksf-2006.2")
        #expect((j["hash"] as? String)?.count == 64)
        return j["rule_set"] as? [String: Any] ?? [:]
    }

    func write(_ object: [String: Any]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vaktlogg-rules-\(UUID().uuidString).json").path
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func validateAcceptsTheDefaultAndRefusesBadFiles() throws {
        var set = try defaultRuleSet()
        let good = try write(set)
        defer { try? FileManager.default.removeItem(atPath: good) }
        let ok = try bin.run(["rules", "validate", good])
        #expect(ok.exitCode == 0, "\(ok)")

        set["interest_tiers"] = ["order": 1]
        var deadlines = set["deadlines"] as? [String: Any] ?? [:]
        deadlines["deviation_close_days"] = -3
        set["deadlines"] = deadlines
        let bad = try write(set)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let nb = try bin.run(["rules", "validate", bad], environment: ["VAKTLOGG_LANG": nil])
        #expect(nb.exitCode == 65)
        #expect(nb.stderr.contains("interest_tiers"))
        #expect(nb.stderr.contains("deadlines.deviation_close_days"))
        #expect(nb.stderr.contains("en frist kan ikke være negativ"))
        #expect(nb.stderr.contains("\(bad):"), "names the file and line")
        let en = try bin.run(["rules", "validate", "--lang", "en", bad])
        #expect(en.stderr.contains("a deadline cannot be negative"))
        let envEn = try bin.run(["rules", "validate", bad], environment: ["VAKTLOGG_LANG": "en"])
        #expect(envEn.stderr.contains("a deadline cannot be negative"))
        let json = try bin.run(["rules", "validate", "--json", bad])
        let errors = Self.json(json.stdout)["errors"] as? [[String: Any]] ?? []
        #expect(errors.contains { $0["field"] as? String == "deadlines.deviation_close_days" && $0["line"] is Int })
    }

    @Test func validateMissingFileIsUsageError() throws {
        let r = try bin.run(["rules", "validate", "/nonexistent/rules.json"])
        #expect(r.exitCode == 64)
    }

    @Test func activeRuleFileFromOptionAndEnvironment() throws {
        var set = try defaultRuleSet()
        set["version"] = "local-7"
        set["risk_bands"] = [["band": "low", "min": 1, "max": 2], ["band": "moderate", "min": 3, "max": 4],
                             ["band": "high", "min": 5, "max": 9], ["band": "critical", "min": 10, "max": 25]]
        let path = try write(set)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line = #"{"check":"risk","probability":2,"consequence":5}"#
        let viaOption = try bin.run(["rules", "evaluate", "--rules", path], stdin: line)
        #expect(Self.json(viaOption.stdout)["band"] as? String == "critical")
        #expect(Self.json(viaOption.stdout)["rules_version"] as? String == "local-7")
        let viaEnv = try bin.run(["rules", "show", "--json"], environment: ["VAKTLOGG_RULES_FILE": path])
        #expect(Self.json(viaEnv.stdout)["version"] as? String == "local-7")
        let text = try bin.run(["rules", "show", "--rules", path, "--lang", "en"])
        #expect(text.stdout.contains("Version: local-7"))
    }

    // MARK: explain

    @Test func explainRule() throws {
        let r = try bin.run(["rules", "explain", "tier1_over_order"], environment: ["VAKTLOGG_LANG": nil])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("tillegges mindre vekt enn tiltak som er begrunnet i behovet for å ivareta liv, helse og samfunnets trygghet"))
        #expect(r.stdout.contains("strict"))
        #expect(r.stdout.contains("Forord"))
        #expect(r.stdout.contains("peace and order"))
        let en = try bin.run(["rules", "explain", "--lang", "en", "security_over_rehabilitation"])
        #expect(en.stdout.contains("skal sikkerheten som hovedregel tillegges størst vekt"), "the Norwegian quote is always shown")
        #expect(en.stdout.contains("main rule"))
        #expect(en.stdout.contains("Paraphrase"))
    }

    @Test func explainListsAndRefusesUnknown() throws {
        let list = try bin.run(["rules", "explain"])
        #expect(list.exitCode == 0)
        for id in ["tier1_over_order", "proportionality", "organised_crime", "rehabilitation_effect", "communication"] {
            #expect(list.stdout.contains(id))
        }
        let unknown = try bin.run(["rules", "explain", "tier9"])
        #expect(unknown.exitCode == 64)
        #expect(unknown.stderr.contains("tier9"))
        #expect(unknown.stderr.contains("tier1_over_order"))
    }

    /// The contract field `assessment.last_p1_at` through the binary: same Oslo day, next day.
    @Test func lastP1AtThroughEvaluate() throws {
        func line(_ p1: String) -> String {
            #"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"exclusion","purpose":"security","burdens":[],"restrictiveness":3},"assessment":{"band":"high","assessed_at":"2024-06-10","last_p1_at":"\#(p1)"}}"#
        }
        let r = try bin.run(["rules", "evaluate"], stdin: [line("2024-06-10T20:00:00+02:00"), line("2024-06-11T07:00:00+02:00")].joined(separator: "\n") + "\n")
        #expect(r.exitCode == 0, "\(r)")
        #expect(r.stdoutLines.map { Self.json($0)["outcome"] as? String } == ["allowed", "needs_justification"])
        #expect(r.stdoutLines.last?.contains("assessment_overtaken_by_p1") == true)
    }

    /// A product default is explained as one; the quoted sentence is not presented as its source.
    @Test func explainNamesTheBasisOfNumbers() throws {
        let r = try bin.run(["rules", "explain", "--lang", "en", "deviation_handling"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("deadlines.deviation_close_days"))
        #expect(r.stdout.contains("product default (the strategy gives no number)"))
        #expect(r.stdout.contains("it does not set the numbers"))
        let stated = try bin.run(["rules", "explain", "--lang", "en", "organised_crime"])
        #expect(stated.stdout.contains("stated by the strategy"))
        let show = try bin.run(["rules", "show", "--json"])
        let basis = Self.json(show.stdout)["basis"] as? [String: String] ?? [:]
        #expect(basis["deadlines.p1_acknowledge_minutes"] == "product_default")
        #expect(basis["organised_crime.minimum_criteria"] == "stated")
        let old = try bin.run(["rules", "show", "--json", "--version", "ksf-2006.1"])
        #expect(Self.json(old.stdout)["hash"] as? String == "0e5aadbfe2e6f0c2262c1b74361c3448f0e77b161b9c7dca565abf690e807abf")
    }
}
