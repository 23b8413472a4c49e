import Dashboard
import Foundation
import Testing
import VaktloggCore

/// Every key of the detail screen, and reads arriving, failing or racing the user.
@Suite struct DetailReducerTests {
    /// The first entry open and read, on a short terminal so the document scrolls.
    static func opened(rows: Int = 10) -> DashboardState {
        var s = Fixtures.press(Fixtures.state(rows: rows), .enter).0
        s = DashboardReducer.reduce(s, .detailLoaded(Fixtures.detail(Fixtures.queue[0]), at: Fixtures.now)).0
        return s
    }

    @Test func theDocumentScrollsWithArrowsJKPagesAndGG() throws {
        let s = Self.opened()
        let count = try #require(s.detailLines?.count)
        let page = DashboardLayout.detailBodyRows(10)
        #expect(page == 7)
        #expect(count > 2 * page, "enough lines to scroll: \(count)")
        #expect(Fixtures.press(s, .down).0.detailTop == 1)
        #expect(Fixtures.press(s, .character("j"), .character("j")).0.detailTop == 2)
        #expect(Fixtures.press(s, .down, .down, .up).0.detailTop == 1)
        #expect(Fixtures.press(s, .down, .character("k")).0.detailTop == 0)
        #expect(Fixtures.press(s, .up).0.detailTop == 0)
        #expect(Fixtures.press(s, .pageDown).0.detailTop == page)
        #expect(Fixtures.press(s, .pageDown, .pageUp).0.detailTop == 0)
        #expect(Fixtures.press(s, .character("G")).0.detailTop == count - page, "the last screenful, not past it")
        #expect(Fixtures.press(s, .end).0.detailTop == count - page)
        #expect(Fixtures.press(s, .pageDown, .pageDown, .pageDown, .pageDown).0.detailTop == count - page)
        #expect(Fixtures.press(s, .character("G"), .character("g")).0.detailTop == 0)
        #expect(Fixtures.press(s, .end, .home).0.detailTop == 0)
    }

    @Test func escLeftAndTabGoBackToTheQueueWithTheSelectionKept() {
        let s = Fixtures.press(Self.opened(), .escape).0
        #expect(s.screen == .queue && s.selectedID == 1)
        #expect(Fixtures.press(Self.opened(), .left).0.screen == .queue)
        #expect(Fixtures.press(Self.opened(), .tab).0.screen == .queue)
    }

    @Test func qQuitsAndQuestionMarkHelpsFromTheDetailToo() {
        #expect(Fixtures.press(Self.opened(), .character("q")).1 == [.quit])
        let (help, _) = Fixtures.press(Self.opened(), .character("?"))
        #expect(help.helpVisible && help.screen == .detail(ref: "OSLO-1"))
        #expect(Fixtures.press(help, .down).0.detailTop == 0, "help swallows the key")
    }

    @Test func otherKeysDoNothing() {
        let s = Self.opened()
        let (same, effects) = Fixtures.press(s, .enter, .character("/"), .character("z"), .right, .backspace)
        #expect(same == s && effects.isEmpty)
    }

    @Test func aLateDetailForAnotherEntryIsKeptButNotShown() {
        var s = Fixtures.press(Fixtures.state(), .down, .enter).0
        s = DashboardReducer.reduce(s, .detailLoaded(Fixtures.detail(Fixtures.queue[0]), at: Fixtures.now)).0
        #expect(s.screen == .detail(ref: "OSLO-2"))
        #expect(s.detailLines == nil, "still reading OSLO-2")
    }

    @Test func aRefusedReadGoesBackToTheQueueWithTheMessage() {
        var s = Fixtures.press(Fixtures.state(), .enter).0
        s = DashboardReducer.reduce(s, .loadFailed(ref: "OSLO-1", message: "fant ingen oppføring «OSLO-1» i dine enheter")).0
        #expect(s.screen == .queue)
        #expect(s.message == "fant ingen oppføring «OSLO-1» i dine enheter")
        #expect(Fixtures.press(s, .down).0.message == nil, "the next key clears it")
    }
}
