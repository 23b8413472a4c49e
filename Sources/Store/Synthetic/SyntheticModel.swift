/// A unit of the synthetic organisation and its staff.
struct SyntheticUnit {
    let code: String
    let region: String
    let type: String
    let weight: Int
    let officers: [String]
    let coordinators: [String]
    let manager: String
}

/// What the database says the seed may write: every category with the default interests the
/// judging rule set gives it, and each interest's tier.
struct SyntheticCatalogue {
    /// kind → [(code, default interests)], codes sorted.
    var categories: [String: [(code: String, defaults: [String])]]
    /// interest → tier.
    var tiers: [String: Int64]
}

/// The entry a scheduled row belongs to: its id and reference once the entry row is emitted, and
/// the assessment its measure and decision rest on.
final class EntryHandle {
    let unit: SyntheticUnit
    let reporter: String
    let sealed: Bool
    var id: Int64 = 0
    var ref = ""
    var assessmentID: Int64 = 0

    init(unit: SyntheticUnit, reporter: String, sealed: Bool) {
        self.unit = unit
        self.reporter = reporter
        self.sealed = sealed
    }
}

/// One row waiting for its time, in chain order.
enum SyntheticItem {
    struct Entry {
        var row: [ChainValue]          // entries columns; id, ref, chain columns filled at emission
        var persons: [(ref: String, role: String)]
        var state: SyntheticState
    }
    struct Event {
        var event: String
        var actor: String?
        var assignee: String?
        var text: String?
        var data: String
        var rulesVersion: String?
        var trace: String?
        /// What the projection reads from `data` (threat_assessed: probability, consequence).
        var numbers: [String: Int64]
    }
    struct Amendment {
        var actor: String
        var reason: String
        var changes: String
        var tier: Int64
        var risk: Int64
        var trace: String
        var newText: String?
        var newP: Int64?
    }
    struct Assessment {
        var person: String
        var p: Int64, c: Int64
        var band: String
        var summary: String
        var assessor: String
        var validUntil: Int64
        var trace: String
    }
    struct Measure {
        var person: String?
        var type: String
        var description: String
        var purpose: String
        var burdens: [String]
        var restrictiveness: Int64
        var justification: String?
        var rehabilitationNote: String?
        var withAssessment: Bool
        var outcome: String
        var violations: String
        var decidedBy: String
        var trace: String
    }
    struct Decision {
        var person: String?
        var text: String
        var significant: Bool
        var justification: String?
        var withAssessment: Bool
        var decidedBy: String
        var trace: String
    }

    case entry(Entry)
    case event(Event)
    case amendment(Amendment)
    case assessment(Assessment)
    case measure(Measure)
    case decision(Decision)
}

struct Scheduled {
    let time: Int64
    let order: Int64
    let handle: EntryHandle
    let item: SyntheticItem
}

/// A binary min-heap of scheduled rows by (time, order).
struct ScheduleHeap {
    private var items: [Scheduled] = []
    var count: Int { items.count }
    var first: Scheduled? { items.first }

    private static func less(_ a: Scheduled, _ b: Scheduled) -> Bool {
        a.time != b.time ? a.time < b.time : a.order < b.order
    }

    mutating func push(_ s: Scheduled) {
        items.append(s)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard Self.less(items[i], items[p]) else { break }
            items.swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> Scheduled? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, Self.less(items[l], items[m]) { m = l }
            if r < items.count, Self.less(items[r], items[m]) { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}
