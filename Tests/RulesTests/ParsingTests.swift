import Foundation
import Testing
@testable import Rules
import VaktloggCore

@Suite struct ParsingTests {
    @Test(arguments: [
        ("2024-05-01T12:00:00Z", 1_714_564_800.0), ("2024-05-01T14:00:00+02:00", 1_714_564_800.0),
        ("2024-05-01t12:00:00.5z", 1_714_564_800.5), ("2024-05-01 10:00:00-02:00", 1_714_564_800.0), ("2024-05-01T12:00:00-02:00", 1_714_564_800.0 + 2 * 3600),
        ("1970-01-01T00:00:00Z", 0),
    ])
    func timestamps(text: String, epoch: Double) throws {
        let t = try #require(Timestamp(rfc3339: text))
        #expect(t.date.timeIntervalSince1970 == epoch)
    }

    @Test(arguments: ["2024-05-01", "2024-05-01T12:00:00", "2024-13-01T12:00:00Z", "2024-02-30T12:00:00Z", "2024-05-01T24:00:00Z",
                      "2024-05-01T12:00:00+0200", "2024-05-01T12:00Z", "x", "", "2024-05-01T12:00:00.Z"])
    func badTimestamps(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func localDateIsTheWrittenOne() throws {
        #expect(try #require(Timestamp(rfc3339: "2024-06-30T00:30:00+02:00")).localDate == date("2024-06-30"))
        #expect(Timestamp.format(instant("2024-06-30T00:30:00+02:00")) == "2024-06-29T22:30:00Z")
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("2024-01-01").days(to: date("2024-12-31")) == 365)
        for n in [-800_000, -1, 0, 59, 19_900, 2_000_000] {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test func jsonParserAndWriter() throws {
        let text = #"{"b":[1,2.5,-3e2,true,null],"a":"æøå \"q\" \u00e5 \ud83d\ude00\n","c":{}}"#
        let v = try JSONParser.parse(text).plain
        #expect(v.canonicalJSON == #"{"a":"æøå \"q\" å 😀\n","b":[1,2.5,-300,true,null],"c":{}}"#)
        for bad in ["{", "[1,]", "{\"a\":1,}", "01", "\"\u{01}\"", "tru", "1 2", "\"\\x\"", "\"\\ud800\""] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try JSONParser.parse(bad) }
        }
    }

    @Test func languageResolution() {
        #expect(Language.resolve(flag: nil, environment: [:]) == .nb)
        #expect(Language.resolve(flag: "en", environment: [:]) == .en)
        #expect(Language.resolve(flag: nil, environment: ["VAKTLOGG_LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.resolve(flag: "nb", environment: ["VAKTLOGG_LANG": "en"]) == .nb)
    }

    @Test func deviationLifecycleIsLinear() {
        #expect(DeviationStatus.registered.canMove(to: .acknowledged))
        #expect(!DeviationStatus.registered.canMove(to: .closed))
        #expect(DeviationStatus.closed.next == nil)
        #expect(EntryKind.allCases.map { $0.categoryCodes.count } == [27, 13, 9, 12])  // issue 14 added 6 incident and 2 deviation categories
    }
}
