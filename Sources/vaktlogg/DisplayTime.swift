import Foundation

/// Times as people here read them: Europe/Oslo, `2026-01-02 07:05` (design.md §3: stored in UTC,
/// shown in Europe/Oslo).
enum DisplayTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// `YYYY-MM-DD HH:MM` in Europe/Oslo.
    static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }
}
