import Foundation
import Testing
@testable import Rules

/// The catalogue behind `rules explain`: complete, and quoting the strategy verbatim.
@Suite struct CatalogueTests {
    static let seedPath: String? = {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["VAKTLOGG_STRATEGY_TEXT"],
            "/work/shared/seeds/001_318e705ca9906eb2.txt",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/seeds/001_318e705ca9906eb2.txt").path,
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// Letters and digits only, lowercased: the print edition breaks and hyphenates lines freely.
    static func squeeze(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    @Test func everyRuleHasAnEntry() {
        #expect(RuleCatalogue.entries.count == RuleID.allCases.count)
        for e in RuleCatalogue.entries {
            #expect(!e.quotes.isEmpty && e.quotes.allSatisfy { !$0.isEmpty }, "\(e.id)")
            #expect(!e.english.isEmpty)
            #expect(!e.section.isEmpty)
            #expect(e.kind == e.id.kind)
        }
        #expect(RuleCatalogue.entries.map(\.id) == RuleID.allCases.sorted())
    }

    @Test(.enabled(if: seedPath != nil, "strategy text not available"))
    func quotesAreVerbatim() throws {
        let path = try #require(Self.seedPath)
        let seed = Self.squeeze(try String(contentsOfFile: path, encoding: .utf8))
        for e in RuleCatalogue.entries {
            for q in e.quotes {
                #expect(seed.contains(Self.squeeze(q)), "\(e.id): «\(q)» not found in the strategy")
            }
        }
    }

    @Test func derivedRulesSayDerived() {
        for id in [RuleID.tier1OverLower, .securityOverOrder, .rehabilitationOverOrder] {
            #expect(RuleCatalogue.entry(id).english.hasPrefix("Derived"), "\(id)")
        }
    }
}
