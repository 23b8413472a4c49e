import Foundation
import PropertyBased
import Testing
@testable import Rules
import VaktloggCore

/// Invariants of the weighting that must hold for every input, not just the tables.
private let epoch = instant("2024-01-01T00:00:00Z")
private let interestsGen = Gen<Interest>.case.array(of: 1...5)
private let entryGen = zip(interestsGen, Gen.int(in: 1...5), Gen.int(in: 1...5), Gen.int(in: 0...1000), Gen.int(in: 0...50)).map {
    interests, p, c, minutes, n in
    TriageEntry(id: "e\(n)", interests: interests, probability: p, consequence: c,
                occurredAt: epoch.addingTimeInterval(TimeInterval(minutes * 60)))
}

@Suite struct PropertyTests {
    @Test func tier1AlwaysPrecedesOrderOnly() async throws {
        let orderOnly = zip(Gen.int(in: 1...5), Gen.int(in: 1...5), Gen.int(in: 0...1000)).map { p, c, m in
            TriageEntry(id: "o", interests: [.order], probability: p, consequence: c, occurredAt: epoch.addingTimeInterval(TimeInterval(m * 60)))
        }
        let tier1 = zip(Gen<Interest?>.element(of: [Interest.lifeHealth, .publicSafety]), interestsGen, Gen.int(in: 1...5), Gen.int(in: 1...5),
                        Gen.int(in: 0...1000)).map { first, more, p, c, m in
            TriageEntry(id: "t", interests: [first ?? .lifeHealth] + more, probability: p, consequence: c, occurredAt: epoch.addingTimeInterval(TimeInterval(m * 60)))
        }
        await propertyCheck(count: 300, input: tier1, orderOnly) { t, o in
            #expect(RulesEngine.precedes(t, o))
            #expect(!RulesEngine.precedes(o, t))
            let r = try engine.triage([o, t])
            #expect(r.order == ["t", "o"])
            #expect(r.priority["t"] == .p1)
            #expect(r.priority["o"] == .p4)
        }
    }

    @Test func triageIsATotalOrderIndependentOfInputOrder() async throws {
        await propertyCheck(count: 200, input: entryGen.array(of: 0...30)) { raw in
            // Distinct ids (the contract refuses duplicates).
            var seen = Set<String>()
            let entries = raw.filter { seen.insert($0.id).inserted }
            let forward = try engine.triage(entries).order
            let backward = try engine.triage(entries.reversed()).order
            let shuffled = try engine.triage(entries.shuffled()).order
            #expect(forward == backward)
            #expect(forward == shuffled)
            #expect(Set(forward) == Set(entries.map(\.id)))
            // Strict total order: exactly one of a<b, b<a for distinct entries, and sorted adjacently.
            let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
            for (a, b) in zip(forward, forward.dropFirst()) {
                guard let ea = byID[a], let eb = byID[b] else { continue }
                #expect(RulesEngine.precedes(ea, eb))
                #expect(!RulesEngine.precedes(eb, ea))
                #expect(ea.tier <= eb.tier)
            }
        }
    }

    static let measureGen = zip(
        Gen<MeasureType>.case, Gen<Interest>.case, Gen<Interest>.case.array(of: 0...5), Gen<Restrictiveness>.case,
        Gen<CommunicationGround>.case, Gen.bool, Gen<RiskBand>.case.optional, Gen.int(in: -10...400)
    ).map { type, purpose, burdens, level, ground, note, band, age in
        (MeasureInput(type: type, purpose: purpose, burdens: burdens, restrictiveness: level,
                      ground: type == .communicationRestriction ? ground : nil, justification: nil,
                      rehabilitationNote: note ? "Effekt vurdert" : nil),
         band.map { AssessmentInput(band: $0, assessedAt: CalendarDate(dayNumber: 19_900 - age)) })
    }

    @Test func orderMotivatedMeasureBurdeningLifeHealthIsAlwaysRejected() async {
        await propertyCheck(count: 300, input: Self.measureGen, Gen.element(of: [nil, "", "  ", "Grundig begrunnet"])) { generated, justification in
            var (m, assessment) = generated
            m.purpose = .order
            m.burdens.append(.lifeHealth)
            m.justification = justification ?? nil
            let e = engine.measure(m, assessment: assessment, at: CalendarDate(dayNumber: 19_900))
            #expect(e.outcome == .rejected)
            #expect(e.violations.contains { $0.rule == .tier1OverOrder && $0.kind == .strict && !$0.justified })
        }
    }

    @Test func addingAJustificationNeverMakesAnOutcomeWorse() async {
        await propertyCheck(count: 500, input: Self.measureGen) { generated in
            let (m, assessment) = generated
            let at = CalendarDate(dayNumber: 19_900)
            let without = engine.measure(m, assessment: assessment, at: at)
            var justified = m
            justified.justification = "Begrunnet i individuell risikovurdering"
            let with = engine.measure(justified, assessment: assessment, at: at)
            #expect(with.outcome >= without.outcome, "\(without.outcome) became \(with.outcome)")
            #expect(with.violations.map(\.rule) == without.violations.map(\.rule), "a justification changes no finding, only its status")
            if without.outcome == .rejected { #expect(with.outcome == .rejected) }
        }
    }

    @Test func decisionJustificationNeverWorsens() async {
        await propertyCheck(count: 200, input: Gen.bool, Gen.int(in: 0...3)) { significant, refs in
            let refsList = (0..<refs).map { "RV-\($0)" }
            let without = engine.decision(DecisionInput(publicSafetySignificant: significant, justification: nil, assessmentRefs: refsList))
            let with = engine.decision(DecisionInput(publicSafetySignificant: significant, justification: "Begrunnet", assessmentRefs: refsList))
            #expect(with.outcome >= without.outcome)
            #expect(with.outcome == ((!significant || refs > 0) ? .allowed : .rejected))
        }
    }
}
