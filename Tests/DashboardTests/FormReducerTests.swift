import Dashboard
import Foundation
import Testing
import VaktloggCore

/// The new-entry form as pure state: the keystroke budget, type-ahead, defaults, refusals that name
/// their field, the rules' judgement before the yes, and a draft that survives Esc and a lost
/// database.
@Suite struct FormReducerTests {
    static func chars(_ text: String) -> [DashboardKey] { text.map { .character($0) } }

    static func press(_ s: DashboardState, _ keys: [DashboardKey]) -> (DashboardState, [DashboardEffect]) {
        var state = s
        var all: [DashboardEffect] = []
        for k in keys {
            let (next, effects) = DashboardReducer.reduce(state, .key(k))
            state = next
            all += effects
        }
        return (state, all)
    }

    static let judgement = FormJudgement(
        priority: .p1, riskScore: 12, band: .high, interests: [.lifeHealth],
        deadlines: [.init(code: "p1_acknowledge", due: Fixtures.now.addingTimeInterval(15 * 60))],
        actions: ["P1: må kvitteres innen 20:15"], rulesVersion: "ksf-2006.1")

    /// A P1 «vold mot tilsatt» with one inmate reference and a one-line text, from the queue.
    @Test func aViolenceAgainstStaffP1TakesThirteenKeystrokesBesidesTheTextAndTheReference() throws {
        let text = "Innsatt slo betjent på gården", ref = "INN-2291"
        let budget: [DashboardKey] = [.character("n"), .tab, .character("v"), .character("t"), .tab]
        let afterText: [DashboardKey] = [.tab]
        let rest: [DashboardKey] = [.tab, .tab, .character("3"), .tab, .character("4"), .enter]
        let keys = budget + Self.chars(text) + afterText + Self.chars(ref) + rest + [.character("j")]
        let counted = budget.count + afterText.count + rest.count + 1
        #expect(counted == 13 && counted <= 25)

        let (judging, effects) = Self.press(Fixtures.state(), Array(keys.dropLast()))
        #expect(judging.form?.phase == .judging)
        guard case .judgeDraft(let draft)? = effects.last else {
            Issue.record("no judgement asked: \(effects)")
            return
        }
        #expect(effects.count == 1)
        #expect(draft.kind == .incident && draft.category == "violence_staff" && draft.text == text)
        #expect(draft.persons == [.init(role: .inmate, ref: ref)])
        #expect(draft.probability == 3 && draft.consequence == 4 && draft.unit == nil && draft.occurredAt == nil)

        // The loop answers with the judgement and the fixed reported time and key; j saves that.
        var stamped = draft
        stamped.reportedAt = Fixtures.now
        stamped.idempotencyKey = UUID(uuidString: "00000000-0000-0000-0000-000000000001")
        let asked = DashboardReducer.reduce(judging, .draftJudged(Self.judgement, draft: stamped)).0
        #expect(asked.form?.phase == .confirming(Self.judgement))
        let (saving, save) = Self.press(asked, [keys.last!])
        #expect(saving.form?.phase == .saving)
        #expect(save == [.logEntry(stamped)], "the saved draft is the judged one, with its key and reported time")
    }

    @Test func typeAheadPicksByPrefixByInitialsThenByContainedText() {
        let form = EntryForm()
        let options = form.options(.category, language: .nb, units: [])
        #expect(EntryForm.matches("vt", in: options).first?.code == "violence_staff")
        #expect(EntryForm.matches("vold", in: options).prefix(2).map(\.code) == ["violence_staff", "violence_inmate"])
        #expect(EntryForm.matches("mobil", in: options).first?.code == "contraband_phone")
        #expect(EntryForm.matches("xyzq", in: options).isEmpty)
        #expect(EntryForm.matches("", in: options).count == options.count && options.count > 20)
        #expect(EntryForm.matches("viol", in: form.options(.category, language: .en, units: [])).first?.code == "violence_staff")
    }

    @Test func arrowsChooseAmongTheMatchesAndANewKindEmptiesTheCategory() {
        let start = Self.press(Fixtures.state(), [.character("n"), .tab] + Self.chars("vold")).0
        #expect(start.form?.value(.category) == "violence_staff")
        let down = Self.press(start, [.down]).0
        #expect(down.form?.value(.category) == "violence_inmate")
        #expect(Self.press(down, [.up]).0.form?.value(.category) == "violence_staff")
        // Back to the kind, pick «avvik»: the incident category no longer applies.
        let deviation = Self.press(down, [.tab, .backTab, .backTab] + Self.chars("avv") + [.tab]).0
        #expect(deviation.form?.kind == .deviation)
        #expect(deviation.form?.value(.category) == "")
        #expect(deviation.form?.focus == .category)
        // A threat has its own fields.
        let threat = Self.press(deviation, [.backTab] + Self.chars("trus") + [.tab]).0
        #expect(threat.form?.fields.contains(.source) == true && threat.form?.fields.contains(.target) == false)
    }

    @Test func savingAnIncompleteFormNamesTheFieldAndMovesThereWithoutSending() {
        let (s, effects) = Self.press(Fixtures.state(), [.character("n"), .enter])
        #expect(effects.isEmpty)
        #expect(s.form?.focus == .category)
        #expect(s.form?.errors[.category]?.contains("mangler") == true)
        #expect(s.form?.errors[.text] != nil && s.form?.errors[.probability] != nil && s.form?.errors[.consequence] != nil)
        #expect(s.message?.hasPrefix("Kategori: mangler") == true, "\(s.message ?? "")")
        #expect(s.form?.phase == .editing)
        // A time that does not parse is refused on its own field.
        let filled = Self.press(s, Self.chars("vt") + [.tab] + Self.chars("Tekst") + [.tab, .tab, .tab]
                                + Self.chars("3") + [.tab] + Self.chars("3") + [.tab, .tab, .tab] + Self.chars("kl. tolv") + [.enter]).0
        #expect(filled.form?.focus == .occurred, "\(String(describing: filled.form?.errors))")
        #expect(filled.form?.errors.keys.sorted { $0.rawValue < $1.rawValue } == [.occurred])
        #expect(filled.message?.hasPrefix("Tidspunkt:") == true)
        // A malformed person reference is refused on the person field.
        let person = Self.press(s, Self.chars("vt") + [.tab] + Self.chars("Tekst") + [.tab] + Self.chars("a b")
                                + [.tab, .tab] + Self.chars("3") + [.tab] + Self.chars("3") + [.enter]).0
        #expect(person.form?.focus == .persons, "\(String(describing: person.form?.errors))")
    }

    @Test func escKeepsTheDraftNReopensItAndCapitalNStartsOver() {
        let typed = Self.press(Fixtures.state(), [.character("n"), .tab] + Self.chars("vt") + [.tab] + Self.chars("Slo")).0
        let (closed, effects) = Self.press(typed, [.escape])
        #expect(effects.isEmpty && !closed.formVisible)
        #expect(closed.form?.value(.text) == "Slo" && closed.form?.value(.category) == "violence_staff")
        #expect(closed.message == "Utkastet er beholdt – n åpner det igjen, N et nytt.")
        let grid = Fixtures.render(Self.press(closed, [.character("k")]).0)
        #expect(grid.line(1).contains("✎ utkast venter (n)"), "\(grid.screen)")
        let reopened = Self.press(closed, [.character("n")]).0
        #expect(reopened.formVisible && reopened.form?.value(.text) == "Slo" && reopened.form?.focus == .text)
        let fresh = Self.press(closed, [.character("N")]).0
        #expect(fresh.formVisible && fresh.form == EntryForm())
        // Keys in the form are the form's: q types, it does not quit.
        #expect(Self.press(reopened, [.character("q")]).0.form?.value(.text) == "Sloq")
    }

    @Test func theDraftSurvivesALostDatabaseAndGoesToTheSpool() {
        let asked = Self.press(Fixtures.state(), [.character("n"), .tab] + Self.chars("vt") + [.tab] + Self.chars("Slo")
                               + [.tab, .tab, .tab] + Self.chars("3") + [.tab] + Self.chars("4") + [.enter]).0
        let lost = DashboardReducer.reduce(asked, .connectionLost(at: Fixtures.now)).0
        #expect(lost.form == asked.form && lost.formVisible, "losing the database changes nothing in the form")
        let ticked = DashboardReducer.reduce(lost, .tick(Fixtures.now.addingTimeInterval(2))).0
        #expect(ticked.form == asked.form)
        let (spooled, effects) = DashboardReducer.reduce(ticked, .entrySpooled(reason: "no connection"))
        #expect(spooled.form == nil && !spooled.formVisible)
        #expect(effects == [.countSpool])
        #expect(spooled.message?.contains("spoolen") == true && spooled.messageIsError)
        var counted = DashboardReducer.reduce(spooled, .spoolCounted(1)).0
        counted.columns = 132
        #expect(Fixtures.render(counted).line(0).contains("✉ 1 i spool"), "\(Fixtures.render(counted).screen)")
    }

    @Test func aRefusalByTheDatabaseReturnsToItsFieldAndAStoredEntryIsSelected() {
        let saving = Self.press(Fixtures.state(), [.character("n"), .tab] + Self.chars("vt") + [.tab] + Self.chars("Slo")
                                + [.tab, .tab, .tab] + Self.chars("3") + [.tab] + Self.chars("4") + [.enter]).0
        let refused = DashboardReducer.reduce(saving, .entryRefused(field: "unit", message: "ikke din enhet")).0
        #expect(refused.form?.phase == .editing && refused.form?.focus == .unit && refused.form?.errors[.unit] == "ikke din enhet")
        #expect(refused.message == "Enhet: ikke din enhet")
        let (logged, effects) = DashboardReducer.reduce(saving, .entryLogged(id: 3, ref: "ILA-3", priority: .p1, alreadyStored: false, at: Fixtures.now))
        #expect(logged.form == nil && !logged.formVisible && logged.message == "Ført: ILA-3 (P1).")
        #expect(effects == [.reloadQueue, .countSpool])
        #expect(logged.selectedEntry?.ref == "ILA-3", "the new entry is selected")
    }

    @Test func readonlyHasNoForm() {
        var s = Fixtures.state()
        s.readonly = true
        let (after, effects) = Self.press(s, [.character("n")])
        #expect(!after.formVisible && after.form == nil && effects.isEmpty)
        #expect(!Fixtures.render(s).line(23).contains("n ny"))
        #expect(Fixtures.render(Fixtures.state()).line(23).contains("n ny"))
    }
}
