import Dashboard
import Foundation
import Testing
import VaktloggCore

/// Every action key, in the queue and the detail screen: values typed, confirmation asked, nothing
/// sent before the yes, and nothing at all in --readonly.
@Suite struct ActionReducerTests {
    static func readonly() -> DashboardState {
        var s = Fixtures.state()
        s.readonly = true
        return s
    }

    @Test func acknowledgeAsksFirstAndSendsOnlyOnYes() {
        let (asked, none) = Fixtures.press(Fixtures.state(), .character("a"))
        #expect(none.isEmpty)
        #expect(asked.prompt == DashboardPrompt(action: .acknowledge, ref: "OSLO-1"))
        #expect(asked.prompt?.confirming == true)
        #expect(Fixtures.press(asked, .character("j")).1 == [.runAction(.init(action: .acknowledge, ref: "OSLO-1", values: []))])
        #expect(Fixtures.press(asked, .character("y")).1.count == 1)
        let (no, noEffects) = Fixtures.press(asked, .character("n"))
        #expect(no.prompt == nil && noEffects.isEmpty && no.message == "Avbrutt; ingenting er registrert.")
        #expect(Fixtures.press(asked, .escape).0.prompt == nil)
        #expect(Fixtures.press(asked, .character("q")).1.isEmpty, "q answers nothing and does not quit while asked")
    }

    @Test func everyActionKeyStartsItsActionOnTheSelectedRow() {
        for action in DashboardAction.allCases {
            let s = Fixtures.press(Fixtures.state(), .down, .character(action.key)).0
            #expect(s.prompt?.action == action && s.prompt?.ref == "OSLO-2", "\(action)")
            #expect(s.prompt?.confirming == action.fields.isEmpty, "\(action)")
        }
    }

    @Test func aCommentIsTypedThenConfirmed() {
        let typed = Fixtures.press(Fixtures.state(), .character("c"), .character("q"), .character("ø"), .character("x"),
                                   .backspace, .character(" ")).0
        #expect(typed.prompt?.values == ["qø "] && typed.prompt?.field == .comment)
        let confirm = Fixtures.press(typed, .enter).0
        #expect(confirm.prompt?.confirming == true && confirm.prompt?.values == ["qø"], "trimmed")
        let grid = Fixtures.render(confirm)
        #expect(grid.line(23).hasPrefix(" Kommenter OSLO-1 «qø»? Kan ikke angres. j = ja · n/Esc = nei"), "\(grid.line(23))")
        #expect(Fixtures.press(confirm, .character("j")).1 == [.runAction(.init(action: .comment, ref: "OSLO-1", values: ["qø"]))])
        #expect(Fixtures.press(confirm, .backspace).0.prompt?.confirming == false, "backspace goes back to correct the text")
    }

    @Test func aRequiredValueLeftEmptyIsRefusedInline() {
        let s = Fixtures.press(Fixtures.state(), .character("o"), .character(" "), .enter)
        #expect(s.1.isEmpty && s.0.prompt?.confirming == false)
        #expect(s.0.message == "Feltet «begrunnelse» må fylles ut.")
        let grid = Fixtures.render(s.0)
        #expect(grid.line(23).hasPrefix(" OSLO-1 · gjenåpne · begrunnelse: █"), "the prompt stays in front: \(grid.line(23))")
        // Closing needs no verification except for a deviation (the database decides that).
        let close = Fixtures.press(Fixtures.state(), .character("x"), .enter, .character("j")).1
        #expect(close == [.runAction(.init(action: .close, ref: "OSLO-1", values: [""]))])
    }

    @Test func amendAsksForTheTextThenTheReason() {
        let s = Fixtures.press(Fixtures.state(), .enter, .character("e"), .character("N"), .enter)
        #expect(s.0.prompt?.field == .reason && s.0.prompt?.ref == "OSLO-1")
        #expect(Fixtures.press(s.0, .backspace).0.prompt?.field == .newText, "backspace on an empty value goes back one")
        let done = Fixtures.press(s.0, .character("R"), .enter, .character("j")).1
        #expect(done.last == .runAction(.init(action: .amend, ref: "OSLO-1", values: ["N", "R"])))
        #expect(Fixtures.press(s.0, .escape).0.prompt == nil)
    }

    @Test func aDoneActionSaysSoAndReReads() {
        let request = DashboardActionRequest(action: .acknowledge, ref: "OSLO-1", values: [])
        let (s, effects) = DashboardReducer.reduce(Fixtures.state(), .actionDone(request, at: Fixtures.now))
        #expect(s.message == "OSLO-1: kvitter – registrert." && !s.messageIsError)
        #expect(effects == [.reloadQueue])
        let open = Fixtures.press(Fixtures.state(), .enter).0
        #expect(DashboardReducer.reduce(open, .actionDone(request, at: Fixtures.now)).1 == [.reloadQueue, .openDetail(ref: "OSLO-1")])
    }

    @Test func readonlyHasNoActionAnywhere() {
        for action in DashboardAction.allCases {
            let (q, qe) = Fixtures.press(Self.readonly(), .character(action.key))
            #expect(q.prompt == nil && qe.isEmpty, "\(action) in the queue")
            let (d, _) = Fixtures.press(Self.readonly(), .enter, .character(action.key))
            #expect(d.prompt == nil, "\(action) in the detail")
        }
        let help = Fixtures.render(Fixtures.press(Self.readonly(), .character("?")).0).screen
        #expect(!help.contains("a          kvitter"), "\(help)")
        let helpRW = Fixtures.render(Fixtures.press(Fixtures.state(), .character("?")).0).screen
        #expect(helpRW.contains("a          kvitter"), "\(helpRW)")
        var detail = Fixtures.press(Self.readonly(), .enter).0
        detail = DashboardReducer.reduce(detail, .detailLoaded(Fixtures.detail(Fixtures.queue[0]), at: Fixtures.now)).0
        #expect(Fixtures.render(detail).line(23).hasPrefix(" ↑↓ jk rull"))
        detail.readonly = false
        #expect(Fixtures.render(detail).line(23).hasPrefix(" a kvitter · s tildel"))
    }
}
