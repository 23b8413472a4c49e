public import Foundation

/// Times as the dashboard shows them: wall-clock time in Europe/Oslo, whatever the machine's zone.
public enum OsloClock {
    static let zone = TimeZone(identifier: "Europe/Oslo") ?? .gmt

    static func parts(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.day, .month, .hour, .minute, .second], from: date)
    }

    private static func two(_ n: Int?) -> String {
        let v = n ?? 0
        return v < 10 ? "0\(v)" : "\(v)"
    }

    /// `20:14`.
    public static func time(_ date: Date) -> String {
        let p = parts(date)
        return "\(two(p.hour)):\(two(p.minute))"
    }

    /// `20:14:03`.
    public static func timeWithSeconds(_ date: Date) -> String {
        let p = parts(date)
        return "\(two(p.hour)):\(two(p.minute)):\(two(p.second))"
    }

    /// `01.12 20:14`.
    public static func dayTime(_ date: Date) -> String {
        let p = parts(date)
        return "\(two(p.day)).\(two(p.month)) \(two(p.hour)):\(two(p.minute))"
    }
}
