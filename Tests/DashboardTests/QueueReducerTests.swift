import Dashboard
import Foundation
import Testing
import VaktloggCore

/// Every key of the queue screen, and the queue changing under the selection.
@Suite struct QueueReducerTests {
    let s = Fixtures.state()
    static let many = (1...60).map { Fixtures.entry(Int64($0), minutesAgo: $0) }

    @Test func theFirstRowIsSelectedWhenTheQueueArrives() {
        #expect(s.selectedID == 1)
        #expect(s.queueLoading == false)
        #expect(s.lastGoodRead == Fixtures.now)
    }

    @Test func downAndJMoveDownUpAndKMoveUpAndStopAtTheEnds() {
        #expect(Fixtures.press(s, .down).0.selectedID == 2)
        #expect(Fixtures.press(s, .character("j"), .character("j")).0.selectedID == 3)
        #expect(Fixtures.press(s, .down, .down, .down, .down).0.selectedID == 3, "stops at the last row")
        #expect(Fixtures.press(s, .down, .down, .up).0.selectedID == 2)
        #expect(Fixtures.press(s, .down, .character("k")).0.selectedID == 1)
        #expect(Fixtures.press(s, .up).0.selectedID == 1, "stops at the first row")
    }

    @Test func gAndGGoToFirstAndLastHomeAndEndToo() {
        #expect(Fixtures.press(s, .character("G")).0.selectedID == 3)
        #expect(Fixtures.press(s, .character("G"), .character("g")).0.selectedID == 1)
        #expect(Fixtures.press(s, .end).0.selectedID == 3)
        #expect(Fixtures.press(s, .end, .home).0.selectedID == 1)
    }

    @Test func pageDownAndUpMoveOneScreenfulAndScrollIt() {
        let big = Fixtures.state(entries: Self.many)
        // 24 rows: status, title, header, hint → 20 table rows.
        let (down, _) = Fixtures.press(big, .pageDown)
        #expect(down.selectedID == 21)
        #expect(down.queueTop == 1, "the selected row is the last one on screen")
        let (twice, _) = Fixtures.press(big, .pageDown, .pageDown)
        #expect(twice.selectedID == 41)
        let (end, _) = Fixtures.press(big, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(end.selectedID == 60)
        #expect(end.queueTop == 40, "never scrolled past the last row")
        let (back, _) = Fixtures.press(end, .pageUp)
        #expect(back.selectedID == 40)
        #expect(back.queueTop == 39)
        #expect(Fixtures.press(back, .pageUp, .pageUp, .pageUp).0.selectedID == 1)
    }

    @Test func enterOpensTheSelectedEntryAndAsksForItsDetail() {
        let (opened, effects) = Fixtures.press(s, .down, .enter)
        #expect(opened.screen == .detail(ref: "OSLO-2"))
        #expect(effects == [.openDetail(ref: "OSLO-2")])
        #expect(Fixtures.press(Fixtures.state(entries: []), .enter).1.isEmpty, "nothing to open")
        #expect(Fixtures.press(s, .right).1 == [.openDetail(ref: "OSLO-1")])
    }

    @Test func slashFiltersAsTypedEnterKeepsEscClears() {
        let (typing, effects) = Fixtures.press(s, .character("/"), .character("d"), .character("ø"), .character("r"))
        #expect(effects.isEmpty)
        #expect(typing.filterEditing)
        #expect(typing.filter == "dør")
        #expect(typing.visibleEntries.map(\.id) == [3], "matches text ignoring case: «Dør på verksted»")
        #expect(typing.selectedID == 3, "the selection moves onto what is left")
        let (kept, _) = Fixtures.press(typing, .enter)
        #expect(!kept.filterEditing && kept.filter == "dør")
        // While typing, q and ? are text, not commands.
        let (text, quit) = Fixtures.press(s, .character("/"), .character("q"), .character("?"))
        #expect(quit.isEmpty && text.filter == "q?" && !text.helpVisible)
        #expect(Fixtures.press(typing, .backspace).0.filter == "dø")
        let (cleared, _) = Fixtures.press(typing, .escape)
        #expect(!cleared.filterEditing && cleared.filter == "" && cleared.visibleEntries.count == 3)
        let (clearedLater, _) = Fixtures.press(kept, .escape)
        #expect(clearedLater.filter == "" && clearedLater.visibleEntries.count == 3, "Esc in the queue clears a kept filter")
    }

    @Test func filterMatchesRefUnitCategoryAndAssignee() {
        #expect(Fixtures.press(s, .character("/"), .character("I"), .character("L"), .character("A")).0.visibleEntries.map(\.id) == [3])
        #expect(Fixtures.press(s, .character("/"), .character("p"), .character("h"), .character("o")).0.visibleEntries.map(\.id) == [2])
        #expect(Fixtures.press(s, .character("/"), .character("O"), .character("L"), .character("A"), .character("-"), .character("1"))
                    .0.visibleEntries.map(\.id) == [])
        #expect(Fixtures.press(s, .character("/"), .character("o"), .character("l"), .character("a")).0.visibleEntries.map(\.id) == [1])
    }

    @Test func questionMarkOpensHelpWhichSwallowsKeysUntilClosed() {
        let (help, _) = Fixtures.press(s, .character("?"))
        #expect(help.helpVisible)
        let (still, effects) = Fixtures.press(help, .down, .enter)
        #expect(still.helpVisible && still.selectedID == 1 && effects.isEmpty)
        #expect(!Fixtures.press(help, .character("?")).0.helpVisible)
        #expect(!Fixtures.press(help, .escape).0.helpVisible)
        let (closedByQ, quit) = Fixtures.press(help, .character("q"))
        #expect(!closedByQ.helpVisible && quit.isEmpty, "q closes help, not the dashboard")
    }

    @Test func qQuits() {
        #expect(Fixtures.press(s, .character("q")).1 == [.quit])
    }

    @Test func tabGoesToTheEntryLastOpenedAndOnlyThen() {
        #expect(Fixtures.press(s, .tab).0.screen == .queue, "nothing opened yet")
        var opened = Fixtures.press(s, .enter).0
        opened = DashboardReducer.reduce(opened, .detailLoaded(Fixtures.detail(Fixtures.queue[0]), at: Fixtures.now)).0
        let (back, _) = Fixtures.press(opened, .escape)
        #expect(back.screen == .queue)
        let (again, effects) = Fixtures.press(back, .tab)
        #expect(again.screen == .detail(ref: "OSLO-1"))
        #expect(effects.isEmpty, "the entry on hand is shown; a change hint re-reads it")
    }

    @Test func otherKeysDoNothing() {
        let (same, effects) = Fixtures.press(s, .character("z"), .left, .backspace, .backTab)
        #expect(same == s && effects.isEmpty)
    }

    @Test func theSelectionStaysOnTheSameEntryWhenTheListChangesUnderIt() {
        let (onTwo, _) = Fixtures.press(s, .down)
        let newP1 = Fixtures.entry(9, .p1, minutesAgo: 1)
        let (moved, _) = DashboardReducer.reduce(onTwo, .queueLoaded([newP1] + Fixtures.queue, at: Fixtures.now))
        #expect(moved.selectedID == 2)
        #expect(moved.selectedIndex == 2, "same entry, one row lower")
        // The selected entry is closed: the selection takes the row now in its place.
        let (gone, _) = DashboardReducer.reduce(moved, .queueLoaded([newP1, Fixtures.queue[0], Fixtures.queue[2]], at: Fixtures.now))
        #expect(gone.selectedID == 3)
        let (empty, _) = DashboardReducer.reduce(gone, .queueLoaded([], at: Fixtures.now))
        #expect(empty.selectedID == nil && empty.selectedIndex == nil)
    }
}
