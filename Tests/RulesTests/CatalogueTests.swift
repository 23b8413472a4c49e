import Foundation
import Testing
@testable import Rules

/// The catalogue behind `rules explain`: complete, and quoting the strategy verbatim.
@Suite struct CatalogueTests {
    /// The strategy (Kriminalomsorgens sikkerhetsstrategi, KSF 2006) as shipped with the tests.
    static let strategy = String(decoding: PackageResources.ksf_sikkerhetsstrategi_txt, as: UTF8.self)

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

    @Test
    func quotesAreVerbatim() throws {
        try #require(Self.strategy.count > 20_000, "the shipped strategy text is missing or truncated")
        let seed = Self.squeeze(Self.strategy)
        for e in RuleCatalogue.entries {
            for q in e.quotes {
                #expect(seed.contains(Self.squeeze(q)), "\(e.id): «\(q)» not found in the strategy")
            }
        }
    }

    @Test func derivedRulesSayDerived() {
        for id in [RuleID.tier1OverLower, .tier1OverLowerMainRule, .securityOverOrder, .rehabilitationOverOrder, .significantDecision,
                   .categoryDefaults] {
            #expect(RuleCatalogue.entry(id).english.hasPrefix("Derived"), "\(id)")
        }
    }

    /// No product default is explained as if the strategy set it: every rule whose numbers are
    /// product defaults says so in its paraphrase.
    @Test func productDefaultsAreNamedSo() {
        for e in RuleCatalogue.entries where e.numbers.contains(where: { RuleSet.default.basis(of: $0) == .productDefault }) {
            #expect(e.english.contains("product default"), "\(e.id) must say its numbers are product defaults")
        }
        for e in RuleCatalogue.entries {
            for path in e.numbers { #expect(RuleSet.default.basis(of: path) != nil, "\(e.id): \(path) has a basis") }
        }
    }
}
