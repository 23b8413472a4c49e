import Foundation
public import VaktloggCore

/// The dashboard's detail screen beyond the fields: its sections and the time left on a deadline;
/// bokmål and English.
public enum DashboardDetailText {
    public typealias T = LocalizedText

    public static let amendments = T(nb: "Rettelser", en: "Amendments")
    public static let measures = T(nb: "Tiltak", en: "Measures")
    public static let decisions = T(nb: "Vedtak", en: "Decisions")
    public static let escalations = T(nb: "Eskaleringer", en: "Escalations")
    /// Why an amendment was made.
    public static func because(_ reason: String) -> T { T(nb: "begrunnelse: \(reason)", en: "reason: \(reason)") }
    /// `(om 15m)` — `left` is an age (`15m`, `3t`, `2d`).
    public static func timeLeft(_ left: String) -> T { T(nb: "(om \(left))", en: "(in \(left))") }
    /// `FORFALT for 7m siden`.
    public static func overdueBy(_ late: String) -> T { T(nb: "FORFALT for \(late) siden", en: "OVERDUE by \(late)") }
}
