import Foundation
import Testing
@testable import Rules
import VaktloggCore

@Suite struct TriageTests {
    static func entry(_ id: String, _ interests: [Interest], _ p: Int, _ c: Int, _ t: String) -> TriageEntry {
        TriageEntry(id: id, interests: interests, probability: p, consequence: c, occurredAt: instant(t))
    }

    @Test func tierThenScoreThenAgeThenId() throws {
        let entries = [
            Self.entry("order-max", [.order], 5, 5, "2024-01-01T00:00:00Z"),
            Self.entry("life-min", [.lifeHealth], 1, 1, "2024-01-05T00:00:00Z"),
            Self.entry("sec-high", [.security], 4, 5, "2024-01-03T00:00:00Z"),
            Self.entry("sec-low-old", [.security], 2, 2, "2024-01-01T00:00:00Z"),
            Self.entry("sec-low-new", [.security], 2, 2, "2024-01-02T00:00:00Z"),
            Self.entry("b-tie", [.publicSafety], 3, 3, "2024-01-02T00:00:00Z"),
            Self.entry("a-tie", [.publicSafety], 3, 3, "2024-01-02T01:00:00+01:00"),
            Self.entry("rehab", [.rehabilitation, .order], 5, 5, "2024-01-01T00:00:00Z"),
        ]
        let r = try engine.triage(entries)
        #expect(r.order == ["a-tie", "b-tie", "life-min", "sec-high", "sec-low-old", "sec-low-new", "rehab", "order-max"])
        #expect(r.priority == ["order-max": .p4, "life-min": .p1, "sec-high": .p2, "sec-low-old": .p2, "sec-low-new": .p2,
                               "b-tie": .p1, "a-tie": .p1, "rehab": .p3])
        #expect(r.trace.allSatisfy { $0.rule == .triageOrder && $0.kind == .strict })
    }

    @Test func priorityIsWeightiestTier() {
        #expect(Priority(interests: [Interest.order, .security]) == .p2)
        #expect(Priority(interests: [Interest.rehabilitation]) == .p3)
        #expect(Priority(interests: [Interest.order, .publicSafety]) == .p1)
        #expect(Priority(interests: [Interest]()) == nil)
    }

    @Test func refusesDuplicateIdsAndEmptyInterests() {
        let dup = #expect(throws: ValidationError.self) {
            try engine.triage([Self.entry("x", [.order], 1, 1, "2024-01-01T00:00:00Z"), Self.entry("x", [.order], 1, 1, "2024-01-01T00:00:00Z")])
        }
        #expect(dup?.field == "entries[1].id")
        let empty = #expect(throws: ValidationError.self) { try engine.triage([Self.entry("x", [], 1, 1, "2024-01-01T00:00:00Z")]) }
        #expect(empty?.field == "entries[0].interests")
    }

    @Test func contractWithCategoryDefaults() {
        let line = #"{"check":"triage","entries":[{"id":"e1","kind":"incident","category":"damage","probability":5,"consequence":5,"occurred_at":"2024-03-01T10:00:00Z"},{"id":"e2","kind":"deviation","category":"hse","probability":1,"consequence":1,"occurred_at":"2024-03-02T10:00:00Z"},{"id":"e3","interests":["security"],"kind":"incident","category":"damage","probability":1,"consequence":1,"occurred_at":"2024-03-02T10:00:00Z"}]}"#
        let (ok, j) = answer(line)
        #expect(ok)
        #expect(j["order"] == .array([.string("e2"), .string("e3"), .string("e1")]))
        #expect(j["priority"] == .object(["e1": .string("P4"), "e2": .string("P1"), "e3": .string("P2")]))
    }

    @Test func contractErrors() {
        let other = answer(#"{"check":"triage","entries":[{"id":"a","kind":"incident","category":"other","probability":1,"consequence":1,"occurred_at":"2024-03-01T10:00:00Z"}]}"#)
        #expect(other.json["error"]["field"].string == "entries[0].interests")
        let badCat = answer(#"{"check":"triage","entries":[{"id":"a","kind":"deviation","category":"escape","probability":1,"consequence":1,"occurred_at":"2024-03-01T10:00:00Z"}]}"#)
        #expect(badCat.json["error"]["field"].string == "entries[0].category")
        let noKind = answer(#"{"check":"triage","entries":[{"id":"a","category":"escape","probability":1,"consequence":1,"occurred_at":"2024-03-01T10:00:00Z"}]}"#)
        #expect(noKind.json["error"]["field"].string == "entries[0].kind")
        let badInterest = answer(#"{"check":"triage","entries":[{"id":"a","interests":["order","life"],"probability":1,"consequence":1,"occurred_at":"2024-03-01T10:00:00Z"}]}"#)
        #expect(badInterest.json["error"]["field"].string == "entries[0].interests[1]")
        let badTime = answer(#"{"check":"triage","entries":[{"id":"a","interests":["order"],"probability":1,"consequence":1,"occurred_at":"2024-03-01 10:00"}]}"#)
        #expect(badTime.json["error"]["field"].string == "entries[0].occurred_at")
        let extra = answer(#"{"check":"triage","entries":[{"id":"a","interests":["order"],"probability":1,"consequence":1,"occurred_at":"2024-03-01T10:00:00Z","risk":3}]}"#)
        #expect(extra.json["error"]["field"].string == "entries[0].risk")
        #expect(extra.json["error"]["code"].string == "unknown_field")
        let dup = answer(#"{"check":"triage","entries":[{"id":"a","interests":["order"],"probability":1,"consequence":1,"occurred_at":"2024-03-01T10:00:00Z"},{"id":"a","interests":["order"],"probability":1,"consequence":1,"occurred_at":"2024-03-01T10:00:00Z"}]}"#)
        #expect(dup.json["error"]["field"].string == "entries[1].id")
    }

    @Test func emptyQueue() throws {
        let (ok, j) = answer(#"{"check":"triage","entries":[]}"#)
        #expect(ok)
        #expect(j["order"] == .array([]))
        #expect(j["priority"] == .object([:]))
    }
}
