import Foundation
import Testing
@testable import Rules
import VaktloggCore

/// The `rules evaluate` contract, in process (the binary is tested in CLITests).
@Suite struct ContractTests {
    static let measureBase = #""at":"2024-06-28T12:00:00Z","assessment":{"band":"high","assessed_at":"2024-06-01"}"#

    @Test(arguments: [
        (#"not json"#, "", "malformed"),
        (#"[1,2]"#, "", "invalid_type"),
        (#"{"probability":1}"#, "check", "required"),
        (#"{"check":"weather"}"#, "check", "unknown_code"),
        (#"{"check":"risk","probability":1,"consequence":1,"Probability":1}"#, "Probability", "unknown_field"),
        (#"{"check":"risk","probability":1,"probability":2,"consequence":1}"#, "probability", "duplicate"),
        (#"{"check":"risk","probability":1.5,"consequence":1}"#, "probability", "invalid_type"),
        (#"{"check":"risk","probability":true,"consequence":1}"#, "probability", "invalid_type"),
        (#"{"check":"risk","probability":1}"#, "consequence", "required"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":["order","saftey"],"restrictiveness":2}}"#,
         "measure.burdens[1]", "unknown_code"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":[],"restrictiveness":5}}"#,
         "measure.restrictiveness", "out_of_range"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":[],"restrictiveness":1,"justfication":"x"}}"#,
         "measure.justfication", "unknown_field"),
        (#"{"check":"measure","at":"2024-06-28","measure":{"type":"search","purpose":"security","burdens":[],"restrictiveness":1}}"#,
         "at", "invalid_format"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":[],"restrictiveness":1},"assessment":{"band":"high","assessed_at":"2024-02-30"}}"#,
         "assessment.assessed_at", "invalid_format"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":[],"restrictiveness":1},"assessment":{"band":"severe","assessed_at":"2024-02-01"}}"#,
         "assessment.band", "unknown_code"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"communication_restriction","purpose":"security","burdens":[],"restrictiveness":1}}"#,
         "measure.ground", "required"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":[],"restrictiveness":1,"ground":"security"}}"#,
         "measure.ground", "not_allowed"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"search","purpose":"security","burdens":[],"restrictiveness":1,"justification":7}}"#,
         "measure.justification", "invalid_type"),
        (#"{"check":"measure","at":"2024-06-28T12:00:00Z"}"#, "measure", "required"),
    ])
    func refusals(line: String, field: String, code: String) {
        let (ok, j) = answer(line)
        #expect(!ok)
        #expect(j["error"]["field"].string == field, "\(line)")
        #expect(j["error"]["code"].string == code, "\(line)")
        #expect(j["error"]["reason"].string?.isEmpty == false)
    }

    @Test func measureResultShape() {
        let line = #"{"check":"measure","# + Self.measureBase
            + #","measure":{"type":"isolation","purpose":"order","burdens":["rehabilitation"],"restrictiveness":3,"justification":null,"rehabilitation_note":null}}"#
        let (ok, j) = answer(line)
        #expect(ok)
        #expect(j["check"].string == "measure")
        #expect(j["outcome"].string == "needs_justification")
        #expect(j["violations"][0]["rule"].string == "rehabilitation_over_order")
        #expect(j["violations"][0]["kind"].string == "main_rule")
        #expect(j["violations"][0]["justified"].bool == false)
        #expect(j["rules_version"].string == "ksf-2006.2")
        // The trace is there and non-empty, so the loop below checks something.
        #expect(j["trace"].array.count >= 2, "\(j["trace"])")
        #expect(j["trace"].array.contains { $0["rule"].string == "rehabilitation_over_order" })
        for step in j["trace"].array {
            #expect(step["rule"].string != nil)
            #expect(["strict", "main_rule", "consideration", "threshold"].contains(step["kind"].string ?? ""))
            #expect(step["source"].string?.isEmpty == false)
            #expect(step["inputs"] != .null)
        }
    }

    @Test func communicationPracticalRejected() {
        let line = #"{"check":"measure","at":"2024-06-28T12:00:00Z","measure":{"type":"communication_restriction","purpose":"security","burdens":[],"restrictiveness":1,"ground":"practical","justification":"Ingen tolk"},"assessment":null}"#
        let (_, j) = answer(line)
        #expect(j["outcome"].string == "rejected")
        #expect(j["violations"][0]["rule"].string == "communication")
        #expect(j["violations"][0]["kind"].string == "strict")
    }

    @Test func outputIsCompactSortedAndStable() {
        let line = #"{"consequence":2,"probability":3,"check":"risk"}"#
        let a = RulesContract.answer(line, engine: engine).json
        let b = RulesContract.answer(#"{"check":"risk","probability":3,"consequence":2}"#, engine: engine).json
        #expect(a == b)
        #expect(!a.contains("\n"))
        #expect(a.hasPrefix(#"{"band":"moderate","check":"risk","rules_hash":""#))
    }

    @Test func streamKeepsOrderAndReportsFailure() {
        var out: [String] = []
        let ok = RulesContract.evaluate(lines: [
            #"{"check":"risk","probability":1,"consequence":1}"#, "", "oops",
            #"{"check":"risk","probability":5,"consequence":5}"#,
        ], engine: engine) { out.append($0) }
        #expect(!ok)
        #expect(out.count == 3)
        #expect(out[0].contains(#""band":"low""#))
        #expect(out[1].contains(#""line":3"#))
        #expect(out[2].contains(#""band":"critical""#))
        var none: [String] = []
        #expect(RulesContract.evaluate(lines: [#"{"check":"risk","probability":1,"consequence":1}"#], engine: engine) { none.append($0) })
    }
}

@Suite struct TraceEncodingTests {
    @Test func canonicalTraceDecodesBack() throws {
        let e = engine.measure(MeasureInput(type: .search, purpose: .security, burdens: [.rehabilitation, .order],
                                            restrictiveness: .moderate, justification: "RV-1"),
                               assessment: AssessmentInput(band: .high, assessedAt: date("2024-01-01")), at: date("2024-06-28"))
        let text = e.trace.canonicalJSON
        let decoded = try JSONDecoder().decode([TraceStep].self, from: Data(text.utf8))
        #expect(decoded == e.trace)
        #expect(decoded.canonicalJSON == text)
        let evaluation = try JSONDecoder().decode(Evaluation.self, from: JSONEncoder().encode(e))
        #expect(evaluation == e)
    }
}

extension TraceEncodingTests {
    @Test(arguments: [6.0, 6.5, 0.0])
    func seriousCrimeTraceRoundTrips(years: Double) throws {
        let trace = try engine.seriousCrime(offence: .violence, maxPenaltyYears: years).trace
        #expect(try JSONDecoder().decode([TraceStep].self, from: Data(trace.canonicalJSON.utf8)) == trace)
    }
}
