import Dashboard
import Foundation
import Testing
import VaktloggCore

/// The `:` command line's field filters, and a new P1's flash.
@Suite struct FacetReducerTests {
    static func command(_ s: DashboardState, _ text: String) -> DashboardState {
        var state = Fixtures.press(s, .character(":")).0
        for c in text { state = Fixtures.press(state, .character(c)).0 }
        return Fixtures.press(state, .enter).0
    }

    @Test func unitKindPriorityAndStatusNarrowTheQueueTogether() {
        let s = Fixtures.state()
        #expect(Self.command(s, "enhet ila").visibleEntries.map(\.id) == [3])
        #expect(Self.command(s, "unit OSLO").visibleEntries.map(\.id) == [1, 2])
        #expect(Self.command(s, "type avv").visibleEntries.map(\.id) == [3], "by the label's first letters")
        #expect(Self.command(s, "kind incident").visibleEntries.map(\.id) == [1, 2], "or the code")
        #expect(Self.command(s, "pri 1").visibleEntries.map(\.id) == [1])
        #expect(Self.command(s, "pri P4").visibleEntries.map(\.id) == [3])
        #expect(Self.command(s, "status kvitt").visibleEntries.map(\.id) == [2])
        let both = Self.command(Self.command(s, "enhet OSLO"), "pri P2")
        #expect(both.visibleEntries.map(\.id) == [2] && both.selectedID == 2, "the selection moves onto what is shown")
        #expect(Self.command(both, "tøm").visibleEntries.count == 3)
        #expect(Self.command(both, "pri").visibleEntries.map(\.id) == [1, 2], "a name without value clears that one")
        let g = Fixtures.render(both)
        #expect(g.line(1).hasPrefix(" Kø · 1 av 3 åpne   enhet=OSLO pri=P2"), "\(g.line(1))")
    }

    @Test func typingTheCommandShowsItAndUnknownOnesAreRefused() {
        var s = Fixtures.press(Fixtures.state(), .character(":"), .character("p"), .character("q"), .backspace).0
        #expect(s.commandEditing && s.command == "p")
        let g = Fixtures.render(s)
        #expect(g.line(1).hasPrefix(" Kø · 3 åpne   :p▏"))
        #expect(g.line(23).hasPrefix(" enhet X · type X · pri P1 · status X · tøm"))
        #expect(Fixtures.press(s, .character("q")).1.isEmpty, "q is typed, not quit")
        #expect(Fixtures.press(s, .escape).0.commandEditing == false)
        s = Self.command(Fixtures.state(), "pri P9")
        #expect(s.message == "Ukjent kommando «pri P9». Bruk: enhet X · type X · pri P1 · status X · tøm")
        #expect(s.visibleEntries.count == 3, "nothing changed")
        #expect(Self.command(Fixtures.state(), "fly").message?.hasPrefix("Ukjent kommando «fly»") == true)
    }

    @Test func aNewP1FlashesItsRowWithTheBellUntilTheNextKeyOrTick() {
        let s = Fixtures.state()
        let newP1 = Fixtures.entry(9, .p1, minutesAgo: 0, text: "Ny")
        let (flash, effects) = DashboardReducer.reduce(s, .queueLoaded([newP1] + Fixtures.queue, at: Fixtures.now))
        #expect(effects == [.bell] && flash.flashing == [9])
        let g = Fixtures.render(flash)
        #expect((0..<80).allSatisfy { g.style(row: 3, column: $0) == .urgent }, "the whole row")
        #expect(flash.selectedID == 1, "the selection stays on its entry")
        #expect(Fixtures.press(flash, .down).0.flashing.isEmpty)
        #expect(DashboardReducer.reduce(flash, .tick(Fixtures.now)).0.flashing.isEmpty)
        var quiet = s
        quiet.quiet = true
        let (still, none) = DashboardReducer.reduce(quiet, .queueLoaded([newP1] + Fixtures.queue, at: Fixtures.now))
        #expect(none.isEmpty && still.flashing.isEmpty, "--quiet: no bell, no flash")
        let known = DashboardReducer.reduce(flash, .queueLoaded([newP1] + Fixtures.queue, at: Fixtures.now))
        #expect(known.1.isEmpty && known.0.flashing.isEmpty, "only a P1 not seen before")
    }
}
