import Testing
import VaktloggCore
import VaktloggText

/// Every refusal the schema raises (`HINT = 'vaktlogg:CODE'` in sql/) has a message in both languages.
@Suite struct RefusalCodeTests {
    /// Codes raised directly (`HINT = 'vaktlogg:CODE'`) or through the schema's helper (`refuse('CODE', …)`).
    static let raised: [String] = Array(Set(SourceTree.files(under: "sql", suffix: ".sql").flatMap { file in
        SourceTree.captures(#"HINT\s*=\s*'vaktlogg:([a-z0-9_]+)'"#, in: file.text)
            + SourceTree.captures(#"refuse\('([a-z0-9_]+)'"#, in: file.text)
    })).sorted()

    @Test func theScanFindsTheKnownRefusals() {
        #expect(Self.raised.count >= 40, "\(Self.raised)")
        #expect(Self.raised.contains("append_only") && Self.raised.contains("tier_mismatch"))
    }

    @Test(arguments: raised)
    func hasTextInBothLanguages(_ code: String) throws {
        let text = try #require(RefusalText.text(for: code), "vaktlogg:\(code) has no text in VaktloggText/RefusalText")
        #expect(!text.nb.isEmpty && !text.en.isEmpty)
        #expect(text.nb != text.en || text.nb.allSatisfy { !$0.isLetter }, "\(code): the same words in both languages")
    }
}
