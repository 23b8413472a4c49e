import Foundation
import Testing
import VaktloggCore
import VaktloggText

/// Every code enum of Core and Rules has a label for every case, in both languages.
@Suite struct CodeLabelTests {
    /// The code enums declared in Core and Rules: `public enum Name: String|Int, … CaseIterable`.
    static let declared: [String] = ["Sources/VaktloggCore", "Sources/Rules"].flatMap { folder in
        SourceTree.files(under: folder, suffix: ".swift").flatMap { file in
            SourceTree.captures(#"^public enum (\w+): (?:String|Int),[^{]*CaseIterable"#, in: file.text)
        }
    }

    @Test func theScanFindsTheKnownEnums() {
        // Positive control: the scan sees enums it must see, so an empty scan cannot pass.
        #expect(Self.declared.count >= 25, "\(Self.declared)")
        for name in ["IncidentCategory", "Interest", "RiskBand", "Restrictiveness", "RuleKind", "Outcome"] {
            #expect(Self.declared.contains(name), "\(name) not found by the scan")
        }
    }

    @Test(arguments: declared)
    func everyCaseHasTextInBothLanguages(_ name: String) throws {
        let table = try #require(CodeLabels.all[name], "\(name) has no labels in the catalogue (VaktloggText/CodeLabels)")
        #expect(!table.isEmpty)
        for (code, text) in table {
            #expect(!text.nb.trimmingCharacters(in: .whitespaces).isEmpty, "\(name).\(code) nb")
            #expect(!text.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(name).\(code) en")
        }
    }

    @Test func labelsAreWordsNotTheCodeInBokmål() {
        // A label that is the raw snake_case code in bokmål was forgotten, not translated.
        for (name, table) in CodeLabels.all {
            for (code, text) in table where code.contains("_") {
                #expect(text.nb != code, "\(name).\(code) is shown as its code in bokmål")
            }
        }
    }

    @Test func unknownCodesAreShownAsThemselves() {
        #expect(Interest.label("life_health").nb == "liv og helse")
        #expect(Interest.label("new_interest").nb == "new_interest")
        #expect(EntryCategory.label(kind: .incident, code: "violence_staff").en == "violence against staff")
        #expect(Status.label("under_treatment").nb == "under behandling")
    }

    @Test func everyChainProblemHasText() {
        for code in VerifyText.problemCodes {
            #expect(!VerifyText.problem(code).nb.contains(code), "\(code) falls back to the unknown-problem text")
        }
    }

    @Test func everyHistoryEventAndDeadlineHasText() {
        for code in EventText.codes + EventText.deadlineCodes {
            let text = code.hasSuffix("_due") || EventText.deadlineCodes.contains(code) ? EventText.deadline(code) : EventText.label(code)
            #expect(text.nb != code && !text.nb.isEmpty && !text.en.isEmpty, "\(code)")
        }
    }
}
