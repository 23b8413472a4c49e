import Testing
import Store
import VaktloggCore
import VaktloggText

/// Every `StoreError.Code` the Store declares has a message in both languages, rendered by the
/// catalogue from the code (not the code echoed back).
@Suite struct StoreErrorCodeTests {
    /// The codes declared as `public static let name: Code = "raw"` in Sources/Store.
    static let declared: [String] = SourceTree.files(under: "Sources/Store", suffix: ".swift").flatMap { file in
        SourceTree.captures(#"public static let `?\w+`?: Code = "([a-z0-9_]+)""#, in: file.text)
    }.sorted()

    @Test func theScanFindsTheKnownCodes() {
        #expect(Self.declared.count >= 40, "\(Self.declared)")
        #expect(Self.declared.contains("database_unavailable") && Self.declared.contains("login_refused"))
    }

    @Test(arguments: declared)
    func hasTextInBothLanguages(_ code: String) {
        let text = StoreErrorText.text(code: code)
        #expect(!text.nb.isEmpty && !text.en.isEmpty, "\(code)")
        #expect(text.nb != code && text.en != code, "\(code) has no words in the catalogue (VaktloggText/StoreErrorText)")
    }

    @Test func aStoreErrorIsRenderedFromItsCodeAndArguments() {
        let error = StoreError.invalid(.unknownUnit, field: "unit", ["unit": "NOPE", "known": "OSLO"])
        #expect(error.formatted(.nb) == "unit: ukjent enhet NOPE; kjente: OSLO")
        #expect(error.formatted(.en) == "unit: unknown unit NOPE; known: OSLO")
        let refused = StoreError.invalid("tier_mismatch")
        #expect(refused.message == RefusalText.text(for: "tier_mismatch"))
    }
}
