/// Calendar arithmetic for the synthetic seed without Foundation's calendar in the hot loop:
/// epoch seconds to `YYYY-MM-DDTHH:MM:SS+00:00` (the spelling `to_jsonb(timestamptz)` uses under
/// `TimeZone = UTC`) and epoch days to `YYYY-MM-DD`.
enum ChainTime {
    /// (year, month, day) of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func appendDigits(_ v: Int64, _ width: Int, to out: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var x = v
        for i in stride(from: width - 1, through: 0, by: -1) {
            digits[i] = UInt8(ascii: "0") + UInt8(x % 10)
            x /= 10
        }
        out.append(contentsOf: digits)
    }

    static func appendDate(_ days: Int64, to out: inout [UInt8]) {
        let (y, m, d) = civil(days)
        appendDigits(y, 4, to: &out); out.append(UInt8(ascii: "-"))
        appendDigits(m, 2, to: &out); out.append(UInt8(ascii: "-"))
        appendDigits(d, 2, to: &out)
    }

    /// `YYYY-MM-DDTHH:MM:SS` of epoch seconds, UTC.
    static func appendDateTime(_ t: Int64, to out: inout [UInt8]) {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        appendDate(days, to: &out)
        out.append(UInt8(ascii: "T"))
        appendDigits(secs / 3600, 2, to: &out); out.append(UInt8(ascii: ":"))
        appendDigits(secs / 60 % 60, 2, to: &out); out.append(UInt8(ascii: ":"))
        appendDigits(secs % 60, 2, to: &out)
    }

    static func appendTimestamp(_ t: Int64, to out: inout [UInt8]) {
        appendDateTime(t, to: &out)
        out.append(contentsOf: "+00:00".utf8)
    }

    /// `2026-11-23T18:11:00Z`: how rules_deadlines() (sql/014) writes a due time.
    static func deadlineText(_ t: Int64) -> String {
        var out: [UInt8] = []
        appendDateTime(t, to: &out)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// `2026-11-23T18:11:00.000000Z`: how escalate_overdue() (sql/020) names the due time it escalates.
    static func escalationDueText(_ t: Int64) -> String {
        var out: [UInt8] = []
        appendDateTime(t, to: &out)
        out.append(contentsOf: ".000000Z".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The calendar day in Europe/Oslo (days since 1970) at epoch second `t`: UTC+1, and UTC+2 from
    /// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule
    /// Norway follows).
    static func osloDays(_ t: Int64) -> Int64 {
        let utcDay = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let year = civil(utcDay).0
        func lastSunday(_ month: Int64) -> Int64 {
            let d = days(year: year, month: month, day: 31)
            return d - ((d + 4) % 7)   // 1970-01-01 was a Thursday (4)
        }
        let start = lastSunday(3) * 86_400 + 3600, end = lastSunday(10) * 86_400 + 3600
        let offset: Int64 = (t >= start && t < end) ? 7200 : 3600
        let local = t + offset
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    static func dateText(_ days: Int64) -> String {
        var out: [UInt8] = []
        appendDate(days, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
