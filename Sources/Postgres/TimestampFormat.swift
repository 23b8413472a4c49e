public import Foundation

/// A calendar date without time or zone, as PostgreSQL's `date` (proleptic Gregorian;
/// year 0 is 1 BC, -1 is 2 BC, as in ISO 8601).
public struct PostgresDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC calendar day containing `date`.
    public init(utcDayOf date: Date) {
        let micros = TimestampFormat.microsecondsSince1970(date)
        let days = micros >= 0 ? micros / 86_400_000_000 : (micros + 1) / 86_400_000_000 - 1
        (year, month, day) = TimestampFormat.civil(fromDays: days)
    }

    /// `YYYY-MM-DD` (with ` BC` for years before 1), as PostgreSQL writes and reads it.
    public var description: String {
        let (shown, bc) = year > 0 ? (year, false) : (1 - year, true)
        return "\(TimestampFormat.pad(shown, 4))-\(TimestampFormat.pad(month, 2))-\(TimestampFormat.pad(day, 2))"
            + (bc ? " BC" : "")
    }

    public static func < (lhs: PostgresDate, rhs: PostgresDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Conversions between `Date` and PostgreSQL's text forms, done with integer arithmetic so they
/// do not depend on `Calendar`, the process time zone or locale. Connections force
/// `TimeZone=UTC` and `DateStyle=ISO`, so results look like `2026-11-23 13:00:00.123456+00`;
/// other offsets are still honoured.
enum TimestampFormat {
    /// Seconds between 1970-01-01 and Foundation's 2001-01-01 reference date.
    private static let referenceOffsetMicros: Int64 = 978_307_200_000_000

    /// Microseconds since 1970, rounded. Computed from the reference-date interval, which is
    /// what `Date` stores, so encode → decode → encode is exact.
    static func microsecondsSince1970(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSinceReferenceDate * 1_000_000).rounded()) + referenceOffsetMicros
    }

    static func date(microsecondsSince1970 micros: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(micros - referenceOffsetMicros) / 1_000_000)
    }

    /// RFC 3339 in UTC with microseconds: `2026-11-23T13:00:00.123456Z` (` BC` appended before
    /// year 1, which PostgreSQL accepts).
    static func format(_ date: Date) -> String {
        let micros = microsecondsSince1970(date)
        let perDay: Int64 = 86_400_000_000
        var days = micros / perDay
        var inDay = micros % perDay
        if inDay < 0 {
            inDay += perDay
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        let seconds = inDay / 1_000_000
        let fraction = inDay % 1_000_000
        let (shown, bc) = year > 0 ? (year, false) : (1 - year, true)
        return "\(pad(shown, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(Int(seconds / 3600), 2)):"
            + "\(pad(Int(seconds / 60 % 60), 2)):\(pad(Int(seconds % 60), 2)).\(pad(Int(fraction), 6))Z"
            + (bc ? " BC" : "")
    }

    /// Parses `timestamptz`/`timestamp` output (`YYYY-MM-DD HH:MM:SS[.f{1,6}][±HH[:MM[:SS]]][ BC]`,
    /// `T` accepted as separator). A `timestamp` without offset is taken as UTC; a bare `date`
    /// as its UTC midnight. Returns nil for anything else, including `infinity`.
    static func parseTimestamp<S: StringProtocol>(_ text: S) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let (year, month, day) = scanner.date() else { return nil }
        var seconds: Int64 = 0
        var micros: Int64 = 0
        var offsetSeconds: Int64 = 0
        if scanner.take(UInt8(ascii: " ")) || scanner.take(UInt8(ascii: "T")) {
            if scanner.peekDigit {
                guard let hour = scanner.number(digits: 2...2), scanner.take(UInt8(ascii: ":")),
                    let minute = scanner.number(digits: 2...2), scanner.take(UInt8(ascii: ":")),
                    let second = scanner.number(digits: 2...2), hour <= 24, minute < 60, second <= 60
                else { return nil }
                seconds = Int64(hour * 3600 + minute * 60 + second)
                if scanner.take(UInt8(ascii: ".")) {
                    let start = scanner.index
                    guard let fraction = scanner.number(digits: 1...9) else { return nil }
                    var scaled = Int64(fraction)
                    var count = scanner.index - start
                    while count < 6 { scaled *= 10; count += 1 }
                    while count > 6 { scaled /= 10; count -= 1 }
                    micros = scaled
                }
                if let sign = scanner.takeOneOf([UInt8(ascii: "+"), UInt8(ascii: "-")]) {
                    guard let hours = scanner.number(digits: 2...2) else { return nil }
                    var offset = hours * 3600
                    if scanner.take(UInt8(ascii: ":")) {
                        guard let minutes = scanner.number(digits: 2...2) else { return nil }
                        offset += minutes * 60
                        if scanner.take(UInt8(ascii: ":")) {
                            guard let secs = scanner.number(digits: 2...2) else { return nil }
                            offset += secs
                        }
                    }
                    offsetSeconds = Int64(sign == UInt8(ascii: "-") ? -offset : offset)
                } else if scanner.take(UInt8(ascii: "Z")) {
                    offsetSeconds = 0
                }
            } else {
                scanner.index -= 1  // the space belonged to " BC"
            }
        }
        var astronomicalYear = year
        if scanner.takeString(" BC") { astronomicalYear = 1 - year }
        guard scanner.atEnd, (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = Int64(daysFromCivil(year: astronomicalYear, month: month, day: day))
        let total = (days * 86_400 + seconds - offsetSeconds) * 1_000_000 + micros
        return date(microsecondsSince1970: total)
    }

    /// Parses `date` output: `YYYY-MM-DD[ BC]`.
    static func parseDate<S: StringProtocol>(_ text: S) -> PostgresDate? {
        var scanner = Scanner(Array(text.utf8))
        guard let (year, month, day) = scanner.date() else { return nil }
        let astronomicalYear = scanner.takeString(" BC") ? 1 - year : year
        guard scanner.atEnd, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return PostgresDate(year: astronomicalYear, month: month, day: day)
    }

    // Howard Hinnant's civil-calendar algorithms (public domain): exact for all Int64 days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var peekDigit: Bool { index < bytes.count && (48...57).contains(bytes[index]) }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func takeOneOf(_ options: [UInt8]) -> UInt8? {
            guard index < bytes.count, options.contains(bytes[index]) else { return nil }
            index += 1
            return bytes[index - 1]
        }

        mutating func takeString(_ string: String) -> Bool {
            let expected = Array(string.utf8)
            guard bytes.count - index >= expected.count,
                Array(bytes[index..<(index + expected.count)]) == expected
            else { return false }
            index += expected.count
            return true
        }

        mutating func number(digits: ClosedRange<Int>) -> Int? {
            var value = 0
            var count = 0
            while peekDigit, count < digits.upperBound {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return digits.contains(count) ? value : nil
        }

        /// `YYYY-MM-DD`, with four or more year digits (PostgreSQL writes years past 9999 in full).
        mutating func date() -> (Int, Int, Int)? {
            guard let year = number(digits: 4...7), take(UInt8(ascii: "-")),
                let month = number(digits: 2...2), take(UInt8(ascii: "-")),
                let day = number(digits: 2...2)
            else { return nil }
            return (year, month, day)
        }
    }
}
