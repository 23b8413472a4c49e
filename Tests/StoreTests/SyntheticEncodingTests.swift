import Foundation
@testable import Store
import Testing
import VaktloggCore

/// The pure parts of the synthetic seed that must agree with PostgreSQL byte for byte: jsonb's
/// text form and key order, timestamps, and Oslo's calendar day (checked against Foundation).
@Suite("Synthetic encoding")
struct SyntheticEncodingTests {
    @Test func jsonbOrdersKeysShorterFirstAndStripsNullMembers() {
        let v: JSONValue = .object(["zz": .int(1), "a": .array([.int(1), .int(2)]), "bb": .object(["x": .string("y"), "n": .null]),
                                    "q": .string("a\"b\\c\n")])
        #expect(JSONBText.render(v) == #"{"a": [1, 2], "q": "a\"b\\c\n", "bb": {"x": "y"}, "zz": 1}"#)
        #expect(JSONBText.precedes("id", "at2"))
        #expect(JSONBText.precedes("rule", "what"))
    }

    @Test func timestampsAndDatesAreSpelledAsToJsonbSpellsThemUnderUTC() {
        var out: [UInt8] = []
        ChainTime.appendTimestamp(1_795_000_000, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "2026-11-18T11:06:40+00:00")  // date -u -d @1795000000
        #expect(ChainTime.deadlineText(0) == "1970-01-01T00:00:00Z")
        #expect(ChainTime.escalationDueText(86_399) == "1970-01-01T23:59:59.000000Z")
        #expect(ChainTime.dateText(ChainTime.days(year: 2024, month: 2, day: 29)) == "2024-02-29")
        var bytes: [UInt8] = []
        ChainValue.bytes([0x00, 0xff]).appendJSONB(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""\\x00ff""#)
        bytes = []
        ChainValue.texts(["x", "y"]).appendCopy(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "{x,y}")
    }

    @Test func osloDayFollowsTheEURuleAcrossEveryChangeOfSeveralYears() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo")!
        // Every 20 minutes over two years, which crosses four DST changes and every midnight.
        var t: Int64 = 1_700_000_000
        while t < 1_763_000_000 {
            let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(t)))
            let expected = ChainTime.days(year: Int64(c.year!), month: Int64(c.month!), day: Int64(c.day!))
            #expect(ChainTime.osloDays(t) == expected, "at \(t)")
            if ChainTime.osloDays(t) != expected { break }
            t += 1200
        }
    }
}
