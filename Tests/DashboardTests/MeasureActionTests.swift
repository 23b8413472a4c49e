import Dashboard
import Foundation
import Logging
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// `m` records a measure on the selected entry: type, purpose and restrictiveness picked by a few
/// letters, the rules' judgement shown before the yes, a refusal explained.
@Suite struct MeasureActionTests {
    static func typed(_ s: DashboardState, _ text: String) -> DashboardState {
        FormReducerTests.press(s, text.map { .character($0) } + [.enter]).0
    }

    @Test func valuesArePickedByLettersAndTheRulesJudgeBeforeTheYes() {
        var s = Fixtures.press(Fixtures.state(), .character("m")).0
        #expect(s.prompt?.action == .measure && s.prompt?.field == .measureType)
        s = FormReducerTests.press(s, "ekst".map { .character($0) }).0
        #expect(Fixtures.render(s).line(23).contains("tiltakstype: ekst → ekstra kontroll"), "\(Fixtures.render(s).screen)")
        s = Self.typed(Self.typed(s, ""), "")
        #expect(s.prompt?.values == ["extra_control", ""], "an empty required value is refused: \(String(describing: s.prompt))")
        #expect(s.message?.contains("beskytter interessen") == true, "\(s.message ?? "")")
        s = Self.typed(s, "sikk")
        s = Self.typed(s, "zz")
        #expect(s.prompt?.values == ["extra_control", "security", "zz"] && s.message?.contains("passer ingen verdi") == true)
        s = FormReducerTests.press(s, [.backspace, .backspace, .character("1"), .enter]).0
        s = Self.typed(s, "")
        let (judging, effects) = FormReducerTests.press(s, [.enter])
        let request = DashboardActionRequest(action: .measure, ref: "OSLO-1", values: ["extra_control", "security", "1", "", ""])
        #expect(effects == [.judgeAction(request)])
        #expect(judging.prompt?.judging == true && judging.prompt?.confirming == false)
        #expect(FormReducerTests.press(judging, [.character("j")]).1.isEmpty, "nothing is sent before the judgement")

        let asked = DashboardReducer.reduce(judging, .actionJudged(request, lines: ["Reglenes vurdering: tillatt"])).0
        #expect(asked.prompt?.confirming == true)
        let g = Fixtures.render(asked)
        #expect(g.line(22).hasPrefix(" Reglenes vurdering: tillatt"), "\(g.screen)")
        #expect(g.line(23).contains("Registrer tiltak OSLO-1 «ekstra kontroll · sikkerhet · 1"), "\(g.screen)")
        #expect(FormReducerTests.press(asked, [.character("j")]).1 == [.runAction(request)])
        // A failed judgement drops the action with its reason.
        let failed = DashboardReducer.reduce(judging, .loadFailed(ref: nil, message: "ikke tillatt")).0
        #expect(failed.prompt == nil && failed.message == "ikke tillatt")
    }

    @Test func aMeasureIsJudgedAndRecordedThroughTheWorkflowAndARefusalIsExplained() throws {
        let db = try VaktloggTestDatabase.create(prefix: "meas", units: ["OSLO"])
        let ola = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        let kari = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
        let entry = try db.openP1(unit: "OSLO", as: ola)
        let source = DashboardSource(connection: try db.connect(user: kari), connect: { try db.connect(user: kari) },
                                     logger: Logger(label: "test"))
        let request = DashboardActionRequest(action: .measure, ref: entry.ref, values: ["extra_control", "security", "1", "", ""])
        guard case .actionJudged(_, let lines) = try source.judge(request, language: .nb) else {
            Issue.record("not judged")
            return
        }
        #expect(lines.first?.hasPrefix("Reglenes vurdering: ") == true, "\(lines)")
        try source.run(request)
        #expect(try db.sql("SELECT type FROM measures WHERE entry_id = \(entry.id)") == "extra_control")

        // Isolation needs a person: refused by the workflow, nothing stored, the reason names it.
        let isolation = DashboardActionRequest(action: .measure, ref: entry.ref, values: ["isolation", "security", "4", "", ""])
        let error = try #require(throws: StoreError.self) { try source.run(isolation) }
        #expect(error.field == "person", "\(error)")
        #expect(!source.message(error, language: .nb).isEmpty)
        #expect(try db.sql("SELECT count(*) FROM measures WHERE entry_id = \(entry.id)") == "1")
    }
}
