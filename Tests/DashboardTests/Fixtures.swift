import Dashboard
import Foundation
import VaktloggCore

#if canImport(Glibc)
import Glibc
#endif

/// Queue rows and states for the reducer and renderer tests. Times are fixed (2026-12-01 19:00 UTC
/// = 20:00 in Oslo) so ages and clocks are exact.
enum Fixtures {
    /// wcwidth follows LC_CTYPE; the dashboard sets the user's locale at start, tests a UTF-8 one.
    static let locale: Void = { _ = setlocale(LC_ALL, "C.UTF-8") }()

    static let now = Date(timeIntervalSince1970: 1_796_151_600) // 2026-12-01T19:00:00Z
    static let viewer = DashboardState.Viewer(name: "kari", role: "security_coordinator", units: ["OSLO", "ILA"])

    static func entry(_ id: Int64, _ priority: Priority = .p2, minutesAgo: Int = 10, dueIn: Int? = nil,
                      text: String = "Tekst", kind: EntryKind = .incident, category: String = "violence_staff",
                      unit: String = "OSLO", status: String = "registered", assignee: String? = nil) -> DashboardEntry {
        DashboardEntry(id: id, ref: "\(unit)-\(id)", unit: unit, kind: kind, category: category, priority: priority,
                       status: status, assignee: assignee, occurredAt: now.addingTimeInterval(Double(-60 * minutesAgo)),
                       nextDue: dueIn.map { now.addingTimeInterval(Double(60 * $0)) }, text: text)
    }

    /// Three rows in triage order: an overdue P1 with æøå and a wide character in its text.
    static let queue: [DashboardEntry] = [
        entry(1, .p1, minutesAgo: 12, dueIn: -7, text: "Bråk på gården 漢字 ved porten", assignee: "ola"),
        entry(2, .p2, minutesAgo: 185, dueIn: 60, text: "Telefon funnet", category: "contraband_phone", status: "acknowledged"),
        entry(3, .p4, minutesAgo: 3 * 24 * 60, text: "Dør på verksted", kind: .deviation, category: "door_lock", unit: "ILA"),
    ]

    static func state(rows: Int = 24, columns: Int = 80, language: Language = .nb,
                      entries: [DashboardEntry] = queue) -> DashboardState {
        _ = locale
        let s = DashboardState(viewer: viewer, language: language, rows: rows, columns: columns, now: now)
        return DashboardReducer.reduce(s, .queueLoaded(entries, at: now)).0
    }

    static func detail(_ e: DashboardEntry) -> DashboardDetail {
        DashboardDetail(
            entry: e, reporter: "ola", recordedAt: e.occurredAt.addingTimeInterval(60), domain: "static",
            interests: ["life_health"], probability: 3, consequence: 4,
            persons: [.init(ref: "INN-2291", role: "inmate")], attributes: [.init(name: "target", value: "colleague")],
            deadlines: [.init(name: "ack_due", due: now.addingTimeInterval(-420))],
            history: [.init(at: e.occurredAt.addingTimeInterval(90), actor: nil, what: "comment", text: "Ringt vakt")],
            rulesVersion: "ksf-2006.1")
    }

    /// Applies keys in order, collecting every effect.
    static func press(_ s: DashboardState, _ keys: DashboardKey...) -> (DashboardState, [DashboardEffect]) {
        var state = s
        var all: [DashboardEffect] = []
        for k in keys {
            let (next, effects) = DashboardReducer.reduce(state, .key(k))
            state = next
            all += effects
        }
        return (state, all)
    }

    static func render(_ s: DashboardState) -> GridCanvas {
        let grid = GridCanvas(rows: s.rows, columns: s.columns)
        DashboardRenderer.draw(s, on: grid)
        return grid
    }
}
