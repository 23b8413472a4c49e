import Dashboard
import Foundation
import Testing
import VaktloggCore

/// Screens rendered into the in-memory grid, read back at exact positions. The first entry's text has
/// æøå and a two-cell character (漢字), so any miscount of widths shifts what follows.
@Suite struct ScreenRenderTests {
    @Test func queueAt80x24() {
        let g = Fixtures.render(Fixtures.state())
        #expect((0..<24).allSatisfy { TextWidth.of(g.line($0)) == 80 }, "every row is exactly 80 cells")
        #expect(g.line(0) == " Vaktlogg │ kari (sikkerhetsleder) │ ● tilkoblet │ OSLO,ILA" + String(repeating: " ", count: 15) + "20:00 ", "\(g.screen)")
        #expect(g.line(1) == " Kø · 3 åpne" + String(repeating: " ", count: 68))
        #expect(g.line(2) == " Pri Alder Type     Kategori             Enhet Status     Ansvarlig Neste frist ")
        #expect(g.line(3) == " P1    12m uønsket… vold mot tilsatt     OSLO  registrert ola       !01.12 19:53")
        #expect(g.line(4) == " P2     3t uønsket… funn av mobiltelefon OSLO  kvittert   –          01.12 21:00")
        #expect(g.line(5).trimmingTrailing == " P4     3d avvik    dør eller lås        ILA   registrert –")
        #expect(g.line(23).hasPrefix(" ↑↓ jk flytt · Enter åpne · / filter · Tab detalj · ? hjelp · q avslutt"))
        // Styles: the selected row reversed whole, the status bar and hint bar as bars.
        #expect((0..<80).allSatisfy { g.style(row: 3, column: $0) == .selected })
        #expect(g.style(row: 4, column: 1) == .normal)
        #expect(g.style(row: 0, column: 79) == .statusBar)
        #expect(g.style(row: 23, column: 0) == .hint)
    }

    @Test func overdueAndP1AreMarkedOnRowsThatAreNotSelected() {
        let s = Fixtures.press(Fixtures.state(), .character("G")).0
        let g = Fixtures.render(s)
        #expect(g.style(row: 3, column: 1) == .urgent)
        #expect(g.text(row: 3, column: 68, count: 12) == "!01.12 19:53")
        #expect(g.style(row: 3, column: 68) == .overdue)
        #expect(g.style(row: 4, column: 69) == .normal, "a deadline still ahead is not marked")
        #expect((0..<80).allSatisfy { g.style(row: 5, column: $0) == .selected })
    }

    @Test func queueAt132x43ShowsTheTextColumnAlignedAfterWideCharacters() {
        let g = Fixtures.render(Fixtures.state(rows: 43, columns: 132))
        #expect((0..<43).allSatisfy { TextWidth.of(g.line($0)) == 132 }, "every row is exactly 132 cells")
        #expect(g.line(2).trimmingTrailing == " Pri Alder Type         Kategori                     Enhet Status           Ansvarlig  Neste frist  Tekst")
        #expect(g.line(3).trimmingTrailing == " P1    12m uønsket hen… vold mot tilsatt             OSLO  registrert       ola        !01.12 19:53 Bråk på gården 漢字 ved porten")
        // The text column starts at cell 100 on every row; 漢字 takes four cells, so «ved» is at 120.
        #expect(g.text(row: 3, column: 100, count: 32) == "Bråk på gården 漢字 ved porten  ")
        #expect(g.text(row: 4, column: 100, count: 32) == "Telefon funnet                  ")
        #expect(g.text(row: 5, column: 100, count: 32) == "Dør på verksted                 ")
        #expect(g.text(row: 3, column: 115, count: 2) == "漢", "a wide character fills two cells, its right half empty")
        #expect(g.text(row: 3, column: 116, count: 1) == "", "the right half of 漢")
        #expect(g.text(row: 3, column: 117, count: 2) == "字")
        #expect(g.text(row: 3, column: 120, count: 3) == "ved")
        #expect(g.line(42).hasPrefix(" ↑↓ jk flytt"))
        #expect(g.line(0).hasSuffix("20:00 "))
    }

    @Test func detailAt80x24() {
        var s = Fixtures.press(Fixtures.state(), .enter).0
        #expect(Fixtures.render(s).line(2).hasPrefix(" leser …"), "while the entry is read")
        s = DashboardReducer.reduce(s, .detailLoaded(Fixtures.detail(Fixtures.queue[0]), at: Fixtures.now)).0
        let g = Fixtures.render(s)
        let expected = [
            " P1 · OSLO-1 · uønsket hendelse · vold mot tilsatt",
            " Enhet: OSLO · Status: registrert · Ansvarlig: ola",
            " Hendt: 01.12 19:48 · Registrert: 01.12 19:49",
            " Melder: ola",
            " Domene: static · Interesser: liv og helse",
            " Sannsynlighet × konsekvens: 3 × 4 · Regelsett: ksf-2006.1",
            " mål: kollega",
            "",
            " Tekst",
            "   Bråk på gården 漢字 ved porten",
            "",
            " Frister",
            "   kvittering (P1) 01.12 19:53 FORFALT for 7m siden",
            "",
            " Personer",
            "   INN-2291 (innsatt)",
            "",
            " Historikk",
            "   01.12 19:49 (forseglet) kommentar – Ringt vakt",
        ]
        for (i, line) in expected.enumerated() {
            #expect(g.line(1 + i).trimmingTrailing == line, "row \(1 + i):\n\(g.screen)")
        }
        #expect(g.style(row: 1, column: 1) == .urgent)
        #expect(g.style(row: 13, column: 3) == .overdue)
        #expect(g.style(row: 9, column: 1) == .section)
        #expect(g.line(23).hasPrefix(" a kvitter · s tildel · c kommenter · t behandle · x lukk · o gjenåpne · e rett"))
    }

    @Test func theStaleMarkShowsTheLastGoodReadAndIsNeverCutAt80() {
        let s = DashboardReducer.reduce(Fixtures.state(), .connectionLost(at: Fixtures.now.addingTimeInterval(90))).0
        let g = Fixtures.render(s)
        #expect(g.line(0) == " Vaktlogg │ kari (sikkerhetsleder) │ ✖ FORELDET · sist lest 20:00:00 │ O… 20:00 ", "\(g.screen)")
        #expect(g.style(row: 0, column: 40) == .stale)
        #expect(g.line(3).hasPrefix(" P1    12m"), "the data stays")
    }

    @Test func englishTexts() {
        let g = Fixtures.render(Fixtures.state(language: .en))
        #expect(g.line(0).hasPrefix(" Vaktlogg │ kari (security coordinator) │ ● connected │ OSLO,ILA"))
        #expect(g.line(1).hasPrefix(" Queue · 3 open"))
        #expect(g.line(2).hasPrefix(" Pri   Age Kind     Category"))
        #expect(g.line(3).hasPrefix(" P1    12m incident violence against st…"))
        #expect(g.line(4).hasPrefix(" P2     3h incident"))
    }

    @Test func filterLineAndHelpOverlay() {
        let typing = Fixtures.press(Fixtures.state(), .character("/"), .character("d"), .character("ø"))
        var g = Fixtures.render(typing.0)
        #expect(g.line(1).hasPrefix(" Kø · 1 av 3 åpne   filter: dø▏"))
        #expect(g.line(3).hasPrefix(" P4     3d avvik"))
        #expect(g.line(23).hasPrefix(" skriv for å filtrere · Enter behold · Esc tøm"))
        g = Fixtures.render(Fixtures.press(Fixtures.state(), .character("?")).0)
        #expect(g.line(1).contains("┌ Taster ────"), "\(g.screen)")
        #expect(g.line(2).contains("│ ↑ ↓  j k   flytt markering / rull "))
        #expect(g.line(12).contains("│ v          oversikt (enheter, status, trend) │"), "\(g.screen)")
        #expect(g.line(13).contains("│ n N        ny oppføring (N: blank)"), "then the form's keys")
        #expect(g.line(14).contains("│ a          kvitter "), "the actions follow the keys")
        #expect(g.line(21).contains("│ m          registrer tiltak "))
        #expect(g.line(22).contains("└──────"))
        #expect(g.line(23).hasPrefix(" ? eller Esc lukker hjelpen"))
    }

    @Test func emptyAndLoadingQueues() {
        _ = Fixtures.locale
        let fresh = DashboardState(viewer: Fixtures.viewer, language: .nb, rows: 24, columns: 80, now: Fixtures.now)
        #expect(Fixtures.render(fresh).line(3).hasPrefix(" leser …"))
        #expect(Fixtures.render(Fixtures.state(entries: [])).line(3).hasPrefix(" Ingen åpne oppføringer."))
    }
}

extension String {
    var trimmingTrailing: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
