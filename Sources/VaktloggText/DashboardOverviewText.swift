import Foundation
public import VaktloggCore

/// The dashboard's overview screen (key `v`), bokmål and English.
public enum DashboardOverviewText {
    public typealias T = LocalizedText

    public static func title(open: Int) -> T { T(nb: "Oversikt · \(open) åpne", en: "Overview · \(open) open") }
    public static let unit = T(nb: "Enhet", en: "Unit")
    public static let overdue = T(nb: "Forfalt", en: "Overdue")
    public static let total = T(nb: "Sum", en: "Total")
    public static let byStatus = T(nb: "Etter status", en: "By status")
    public static let unacknowledged = T(nb: "P1 ikke kvittert", en: "P1 not acknowledged")
    public static let noneUnacknowledged = T(nb: "ingen", en: "none")
    /// The trend strips: when the open entries occurred.
    public static let last24h = T(nb: "Siste 24 t (per time)", en: "Last 24 h (by hour)")
    public static let last7d = T(nb: "Siste 7 d (per døgn)", en: "Last 7 d (by day)")
    public static func stripTotal(_ n: Int) -> T { T(nb: "\(n) åpne", en: "\(n) open") }
    public static let hint = T(nb: "v/Esc tilbake til køen · n ny · ? hjelp · q avslutt",
                               en: "v/Esc back to the queue · n new · ? help · q quit")
    public static let helpLine = (key: "v", text: T(nb: "oversikt (enheter, status, trend)", en: "overview (units, status, trend)"))
}
