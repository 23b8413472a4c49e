public import Foundation


/// Times are stored in UTC and shown in Europe/Oslo (design.md §3).
public enum OsloTime {
    public static let zone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 3600)!

    /// The Gregorian calendar in Oslo time, made once (`list` formats two times per line).
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// `2026-11-23 14:05` in Oslo time.
    public static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// The calendar date in Oslo at `date`.
    public static func calendarDate(_ date: Date) -> CalendarDate {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// RFC 3339 in UTC with milliseconds, for files and JSON.
    public static func rfc3339(_ date: Date) -> String { Timestamp.format(date) }

    /// Reads what an officer types: RFC 3339 (`2026-11-23T14:05:00+01:00`), `2026-11-23 14:05` or
    /// `14:05`, the last two in Oslo time. `14:05` is the latest such time: today, or yesterday when
    /// today's lies ahead (a night shift logging at 00:10 what happened at 23:50).
    public static func parse(_ text: String, now: Date = Date()) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let ts = Timestamp(rfc3339: t) { return ts.date }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss"] {
            f.dateFormat = format
            if let d = f.date(from: t) { return d }
        }
        let parts = t.split(separator: ":")
        if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) {
            var c = calendar.dateComponents([.year, .month, .day], from: now)
            c.hour = h
            c.minute = m
            guard let today = calendar.date(from: c) else { return nil }
            if today > now.addingTimeInterval(EntryDraft.futureTolerance) {
                return calendar.date(byAdding: .day, value: -1, to: today)
            }
            return today
        }
        return nil
    }
}
