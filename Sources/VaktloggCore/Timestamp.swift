public import Foundation

/// An RFC 3339 timestamp as written by the caller: the instant, plus the calendar date in the
/// timestamp's own offset.
///
/// Keeping the written date matters for day-counting rules (an assessment "older than 180 days"):
/// the caller's local date is what a coordinator means, and it needs no time-zone database.
public struct Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The instant.
    public let date: Date
    /// The calendar date in the offset the timestamp was written with.
    public let localDate: CalendarDate
    /// The text as given.
    public let text: String

    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`; `t`, `z` and a space separator are
    /// accepted as RFC 3339 allows. Returns `nil` for anything else, including impossible dates.
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20, let day = CalendarDate(bytes: b[0..<10]) else { return nil }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " ") else {
            return nil
        }
        guard let hh = Self.number(b, 11, 2), b[13] == UInt8(ascii: ":"), let mm = Self.number(b, 14, 2),
            b[16] == UInt8(ascii: ":"), let ss = Self.number(b, 17, 2), hh < 24, mm < 60, ss <= 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, let d = Self.digit(b[i]) {
                fraction += Double(d) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offsetSeconds = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard i + 6 == b.count, let oh = Self.number(b, i + 1, 2), b[i + 3] == UInt8(ascii: ":"),
                let om = Self.number(b, i + 4, 2), oh < 24, om < 60
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let local = Double(day.dayNumber) * 86_400 + Double(hh * 3600 + mm * 60 + min(ss, 59))
        self.date = Date(timeIntervalSince1970: local - Double(offsetSeconds) + fraction)
        self.localDate = day
        self.text = text
    }

    /// The text as given.
    public var description: String { text }

    /// Earlier instants first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.date < rhs.date }

    /// Formats an instant as RFC 3339 in UTC with whole seconds, e.g. `2024-05-01T12:00:00Z`.
    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let day = CalendarDate(dayNumber: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    static func digit(_ byte: UInt8) -> Int? {
        byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
    }

    static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var n = 0
        for k in start..<(start + count) {
            guard let d = digit(b[k]) else { return nil }
            n = n * 10 + d
        }
        return n
    }
}
