import Dashboard
import Foundation
import Testing
import VaktloggCore

/// The form drawn into the in-memory grid at 80×24: fields with labels, the focused one marked, the
/// picker's allowed values, a refusal beside its field, and the rules' judgement before the yes.
@Suite struct FormRenderTests {
    static func typed(_ keys: [DashboardKey]) -> DashboardState {
        FormReducerTests.press(Fixtures.state(), [.character("n")] + keys).0
    }

    @Test func theFormShowsItsFieldsAndThePickersMatches() {
        let s = Self.typed([.tab] + FormReducerTests.chars("vold"))
        let g = Fixtures.render(s)
        #expect(g.line(1).hasPrefix(" Ny oppføring · uønsket hendelse"), "\(g.screen)")
        #expect(g.line(2).hasPrefix("   Type                       uønsket hendelse"), "\(g.screen)")
        #expect(g.line(3).hasPrefix(" ▸ Kategori                   vold mot tilsatt   «vold»"), "\(g.screen)")
        #expect(g.style(row: 3, column: 1) == .selected)
        #expect(g.line(6).hasPrefix("   Personens rolle            innsatt"), "\(g.screen)")
        #expect(g.line(10).hasPrefix("   Enhet                      (hjemmeenheten din)"), "\(g.screen)")
        #expect(g.line(13).hasPrefix(" Tillatte verdier"), "\(g.screen)")
        #expect(g.line(14).hasPrefix("  vold mot tilsatt"), "\(g.screen)")
        #expect(g.style(row: 14, column: 2) == .selected, "the current value is marked")
        #expect(g.line(15).hasPrefix("  vold mellom innsatte"), "\(g.screen)")
        #expect(g.line(23).hasPrefix(" Tab/⇧Tab felt · skriv for å velge"), "\(g.screen)")
    }

    @Test func aRefusalStandsBesideItsFieldAndTheJudgementBeforeTheYes() {
        let refused = Self.typed([.enter])
        let g = Fixtures.render(refused)
        #expect(g.line(3).contains("✖ mangler; tillatt for incident"), "\(g.screen)")
        #expect(g.line(23).hasPrefix(" Kategori: mangler"), "\(g.screen)")

        var s = Self.typed([.tab, .character("v"), .character("t"), .tab, .character("x"), .tab, .tab, .tab,
                            .character("3"), .tab, .character("4"), .enter])
        s = DashboardReducer.reduce(s, .draftJudged(FormReducerTests.judgement, draft: EntryDraft(kind: .incident, category: "violence_staff", text: "x"))).0
        let j = Fixtures.render(s)
        #expect(j.line(13).hasPrefix(" Reglenes vurdering (ksf-2006.1):"), "\(j.screen)")
        #expect(j.line(14).hasPrefix(" Prioritet P1 · truet: "), "\(j.screen)")
        #expect(j.style(row: 14, column: 1) == .urgent)
        #expect(j.line(15).hasPrefix(" Risiko 12 (høy)"), "\(j.screen)")
        #expect(j.line(16).hasPrefix(" Frist: "), "\(j.screen)")
        #expect(j.line(16).contains("01.12 20:15 (om 15m)"), "\(j.screen)")
        #expect(j.line(23).hasPrefix(" Lagre oppføringen? Kan ikke angres. j = ja"), "\(j.screen)")
        #expect(j.style(row: 23, column: 0) == .stale, "the question is drawn as an alarm")
    }
}
