import Foundation

/// Times as shown to people: Europe/Oslo wall-clock time (design.md §3), stored times being UTC.
enum DisplayTime {
    /// `2026-11-23 14:00:00` in Europe/Oslo (UTC if the zone database is missing).
    static func local(_ date: Date) -> String {
        formatter.string(from: date)
    }

    private static var formatter: DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f
    }
}
