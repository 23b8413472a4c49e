public import Foundation
public import VaktloggCore

/// A half-open report period [start, end) of whole Oslo calendar days, and the period of equal
/// length before it. Days are Oslo days, so a month across a DST change is 743 or 745 hours long and
/// an entry at 00:30 Oslo time on the 1st belongs to the new month although it is the 31st in UTC.
public struct ReportPeriod: Hashable, Sendable {
    /// First day (inclusive).
    public let first: CalendarDate
    /// Last day (inclusive).
    public let last: CalendarDate

    /// A period from `first` to `last`, both included; nil when `last` is before `first`.
    public init?(first: CalendarDate, last: CalendarDate) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// The instant the period starts: midnight Oslo time on `first`.
    public var start: Date { Self.osloMidnight(first) }
    /// The instant the period ends (exclusive): midnight Oslo time after `last`.
    public var end: Date { Self.osloMidnight(CalendarDate(dayNumber: last.dayNumber + 1)) }
    /// Length in days.
    public var days: Int { first.days(to: last) + 1 }

    /// The period of the same number of days ending the day before this one starts.
    public var previous: ReportPeriod {
        ReportPeriod(first: CalendarDate(dayNumber: first.dayNumber - days),
                     last: CalendarDate(dayNumber: first.dayNumber - 1))!
    }

    static func osloMidnight(_ day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = OsloTime.zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }
}

extension ReportPeriod {
    /// Parses `2026-Q3`, `2026-10`, `2026`, `last-month` or `last-quarter` (relative to `now`, in
    /// Oslo time); nil for anything else.
    public static func named(_ text: String, now: Date) -> ReportPeriod? {
        let today = OsloTime.calendarDate(now)
        switch text {
        case "last-month":
            let (y, m) = today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1)
            return month(y, m)
        case "last-quarter":
            let q = (today.month - 1) / 3
            let (y, pq) = q == 0 ? (today.year - 1, 3) : (today.year, q - 1)
            return quarter(y, pq + 1)
        default:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
            if parts.count == 1 { return ReportPeriod(first: CalendarDate(year: year, month: 1, day: 1)!,
                                                      last: CalendarDate(year: year, month: 12, day: 31)!) }
            guard parts.count == 2 else { return nil }
            if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), (1...4).contains(q) { return quarter(year, q) }
            if parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) { return month(year, m) }
            return nil
        }
    }

    static func month(_ year: Int, _ month: Int) -> ReportPeriod? {
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        let next = month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1)! : CalendarDate(year: year, month: month + 1, day: 1)!
        return ReportPeriod(first: first, last: CalendarDate(dayNumber: next.dayNumber - 1))
    }

    static func quarter(_ year: Int, _ quarter: Int) -> ReportPeriod? {
        guard let start = month(year, (quarter - 1) * 3 + 1), let end = month(year, quarter * 3) else { return nil }
        return ReportPeriod(first: start.first, last: end.last)
    }
}
