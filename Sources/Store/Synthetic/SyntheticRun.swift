import Crypto
import Foundation
import Rules
import VaktloggCore

/// Table positions in ``ChainTable/all``.
enum T {
    static let registry = 0, entries = 1, persons = 2, events = 3, amendments = 4, assessments = 5,
        measures = 6, decisions = 7, state = 8, heads = 9
}

/// One pass of the synthetic generator: plans each entry's whole life when it is reported (the
/// lifecycle up to `until`, with deadlines met and missed and the escalations a worker would have
/// appended), and emits every row at its own time, so that each unit's chain is in time order as a
/// live system would have written it.
struct SyntheticRun {
    var rng: SplitMix64
    let engine: RulesEngine
    let catalogue: SyntheticCatalogue
    let units: [SyntheticUnit]
    let integration: String
    let until: Int64
    var loader = ChainLoader()
    var heap = ScheduleHeap()
    var order: Int64 = 0
    var nextID: [Int64]
    var pools: [String: [String]] = [:]
    var personCounter: Int64 = 0
    let templates = SyntheticTexts.templates
    let totalWeight: Int
    let interestCodes: [String]
    var riskTraces: [Int64: String] = [:]
    var entriesPlanned = 0

    init(seed: UInt64, engine: RulesEngine, catalogue: SyntheticCatalogue, units: [SyntheticUnit], integration: String,
         until: Int64, firstIDs: [Int64]) {
        rng = SplitMix64(seed: seed)
        self.engine = engine
        self.catalogue = catalogue
        self.units = units
        self.integration = integration
        self.until = until
        nextID = firstIDs
        totalWeight = units.reduce(0) { $0 + $1.weight }
        interestCodes = catalogue.tiers.keys.sorted()
    }

    mutating func newID(_ table: Int) -> Int64 {
        defer { nextID[table] += 1 }
        return nextID[table]
    }

    mutating func schedule(_ time: Int64, _ handle: EntryHandle, _ item: SyntheticItem) {
        order += 1
        heap.push(Scheduled(time: time, order: order, handle: handle, item: item))
    }

    /// Emits every scheduled row up to and including `time`.
    mutating func drain(through time: Int64) {
        while let top = heap.first, top.time <= time {
            emit(heap.pop()!)
        }
    }

    // MARK: Planning

    mutating func pickUnit() -> SyntheticUnit {
        var pick = rng.below(totalWeight)
        for u in units {
            pick -= u.weight
            if pick < 0 { return u }
        }
        return units[units.count - 1]
    }

    mutating func person(of unit: String, role: String) -> (ref: String, role: String, isNew: Bool) {
        var pool = pools[unit, default: []]
        if !pool.isEmpty, rng.chance(0.55) {
            // Some persons recur often: pick from the recent end of the pool.
            let i = max(0, pool.count - 1 - rng.below(min(pool.count, 400)))
            return (pool[i], role, false)
        }
        personCounter += 1
        let prefix = role == "staff" ? "T" : "K"
        let ref = "\(prefix)-\(unit)-\(personCounter)"
        pool.append(ref)
        if pool.count > 4000 { pool.removeFirst(1000) }
        pools[unit] = pool
        return (ref, role, true)
    }

    mutating func riskTrace(_ p: Int64, _ c: Int64) -> String {
        if let t = riskTraces[p * 10 + c] { return t }
        let t = JSONBText.render(.array(((try? engine.risk(probability: Int(p), consequence: Int(c)))?.trace ?? []).map(\.json)))
        riskTraces[p * 10 + c] = t
        return t
    }

    mutating func seal(_ who: String) -> (ChainValue, ChainValue, ChainValue) {
        let salt = rng.bytes(32)
        let commitment = Array(SHA256.hash(data: salt + Array(who.utf8)))
        return (.text(who), .bytes(salt), .bytes(commitment))
    }

    mutating func text(kind: String, category: String, person: String?) -> String {
        var base: String
        if let options = templates["\(kind)/\(category)"] {
            base = rng.pick(options)
        } else {
            base = "\(category.replacingOccurrences(of: "_", with: " ").capitalized) registrert i \(rng.pick(SyntheticTexts.places))" + (person == nil ? "." : " ({p}).")
        }
        base = base.replacingOccurrences(of: "{p}", with: person ?? "innsatt")
        let extra = Int(rng.next() % 6)
        for _ in 0..<extra { base += " " + rng.pick(SyntheticTexts.followUps) }
        return base
    }

    static let kinds: [(String, Double)] = [("incident", 0.45), ("deviation", 0.35), ("manipulation", 0.07), ("threat", 0.13)]
    static let personRoles = ["inmate", "inmate", "inmate", "convict", "remand", "visitor", "relative", "external"]

    /// Plans one entry reported at `reported` (whole seconds) and schedules all its rows.
    mutating func plan(reported r: Int64) {
        let unit = pickUnit()
        var roll = rng.unit()
        var kind = "incident"
        for (k, w) in Self.kinds {
            roll -= w
            if roll < 0 { kind = k; break }
        }
        guard let cats = catalogue.categories[kind], !cats.isEmpty, let entryKind = EntryKind(rawValue: kind) else { return }
        let cat = cats[rng.below(cats.count)]
        var interests = cat.defaults
        if interests.isEmpty { interests = [rng.pick(["security", "order", "life_health"])] }
        if rng.chance(0.1) {
            let extra = rng.pick(interestCodes)
            if !interests.contains(extra) { interests.append(extra) }
        }
        let reporter = rng.pick(unit.officers)
        let sealed = kind == "manipulation"
        let handle = EntryHandle(unit: unit, reporter: reporter, sealed: sealed)

        var persons: [(ref: String, role: String, isNew: Bool)] = []
        let personChance = kind == "deviation" ? 0.1 : (kind == "manipulation" ? 0.8 : 0.7)
        if rng.chance(personChance) {
            persons.append(person(of: unit.code, role: kind == "incident" ? rng.pick(Self.personRoles) : "inmate"))
            if rng.chance(0.15) {
                let p = person(of: unit.code, role: "inmate")
                if p.ref != persons[0].ref { persons.append(p) }
            }
        }
        if kind == "incident", ["violence_staff", "threat_staff", "threat_staff_family", "hostage"].contains(cat.code) {
            let staff = person(of: unit.code, role: "staff")
            if !persons.contains(where: { $0.ref == staff.ref }) { persons.append(staff) }
        }
        let text = text(kind: kind, category: cat.code, person: persons.first?.ref)
        var draft = EntryDraft(kind: entryKind, category: cat.code, text: text)
        draft.interests = interests.compactMap(Interest.init(rawValue:))
        draft.probability = Int(rng.int(1...5))
        draft.consequence = Int(rng.int(1...5))
        let occurred = r - rng.int(60...10_800)
        let recorded = rng.chance(0.02) ? r + rng.int(60...7200) : r
        var target: ChainValue = .null, inHours: ChainValue = .null, source: ChainValue = .null
        var reliability: ChainValue = .null, credibility: ChainValue = .null, criteria: ChainValue = .null
        var infoflyt: ChainValue = .null
        if kind == "manipulation" {
            let t = rng.pick([ManipulationTarget.reporter, .reporter, .colleague, .family])
            draft.target = t
            draft.inWorkingHours = rng.chance(0.8)
            target = .text(t.rawValue)
            inHours = .bool(draft.inWorkingHours!)
        }
        if kind == "threat" {
            let organised = cat.code == "organised_crime"
            let s: ThreatSource = organised && rng.chance(0.6) ? .policeInfoflyt
                : rng.pick([.ownObservation, .inmate, .staff, .policeInfoflyt, .otherAgency, .technical])
            draft.source = s
            source = .text(s.rawValue)
            if rng.chance(0.7) {
                let rel = rng.pick(Array("ABCDEF")).description
                let cred = Int64(rng.int(1...6))
                draft.sourceReliability = SourceReliability(rawValue: rel)
                draft.informationCredibility = InformationCredibility(rawValue: String(cred))
                reliability = .text(rel)
                credibility = .int(cred)
            }
            if organised || rng.chance(0.05) {
                var set: [Int] = organised && rng.chance(0.6) ? [1, 3, 5, 11] : []
                for c in 1...11 where !set.contains(c) && rng.chance(0.3) { set.append(c) }
                set.sort()
                if !set.isEmpty {
                    draft.organisedCrimeCriteria = set
                    criteria = .ints(set.map(Int64.init))
                }
            }
            if rng.chance(0.3) {
                draft.infoflyt = rng.chance(0.5)
                infoflyt = .bool(draft.infoflyt!)
            }
        }
        draft.unit = unit.code
        let judgement: EntryJudgement
        do {
            judgement = try EntryJudgement(draft: draft, reportedAt: Date(timeIntervalSince1970: Double(r)),
                                           occurredAt: Date(timeIntervalSince1970: Double(occurred)), engine: engine)
        } catch {
            return
        }
        let stored = judgement.interests.map(\.rawValue)
        let tier = stored.compactMap { catalogue.tiers[$0] }.min() ?? 4
        let p = Int64(draft.probability!), c = Int64(draft.consequence!)
        let police = judgement.police?.decisionRequired ?? false
        var dues: [String: Int64] = [:]
        let deadlines = JSONBText.render(.array(judgement.deadlines.map { d in
            let due = Int64(d.due.timeIntervalSince1970.rounded())
            let key: String
            switch d.what {
            case .p1Acknowledge, .deviationAcknowledge: key = "ack"
            case .deviationTreatment: key = "treatment"
            case .deviationClose: key = "close"
            case .manipulationReview: key = "review"
            case .manipulationSupervision: key = "supervision"
            case .threatAssessment: key = "assessment"
            case .policeDecision: key = "police"
            }
            dues[key] = max(dues[key] ?? due, due)
            return .object(["what": .string(d.what.rawValue), "rule": .string(d.rule.rawValue),
                            "due": .string(ChainTime.deadlineText(due))])
        }))
        let trace = JSONBText.render(.array(judgement.trace.map(\.json)))
        let (sealedBy, salt, commitment): (ChainValue, ChainValue, ChainValue) = sealed ? seal(reporter) : (.null, .null, .null)
        let domain = draft.effectiveDomain.rawValue
        let row: [ChainValue] = [
            .null, .null, .text(kind), .text(cat.code), .text(unit.code), .time(occurred), .time(r), .time(recorded),
            .text(reporter), .text(domain), .text(text), .texts(stored), .int(p), .int(c), .int(p * c), .int(tier),
            .text("P\(tier)"), target, inHours, source, reliability, credibility, criteria, infoflyt, .bool(police),
            .text(engine.version), .text(engine.ruleSetHash), .jsonb(trace), .jsonb(deadlines), .uuid(rng.uuid()),
            .null, .null, .null, sealedBy, salt, commitment,
        ]
        var state = SyntheticState(category: cat.code, domain: domain, text: text, interests: stored, probability: p,
                                   consequence: c, riskScore: p * c, tier: tier, occurredAt: occurred, reportedAt: r,
                                   due: dues, policeRequired: police, updatedAt: recorded, kind: kind)
        var steps = lifecycle(kind: kind, tier: tier, recorded: recorded, reported: r, unit: unit, police: police, p: p, c: c)
        steps.append(contentsOf: extras(kind: kind, category: cat.code, tier: tier, recorded: recorded, handle: handle,
                                        persons: persons.map(\.ref), text: text, p: p, c: c, interests: judgement.interests,
                                        occurred: occurred))
        steps = steps.filter { $0.0 <= until }
        steps.append(contentsOf: escalations(steps: steps, dues: dues).filter { $0.0 > recorded })
        steps.sort { $0.0 < $1.0 }
        for (at, item) in steps {
            switch item {
            case .event(let e):
                state.apply(event: e.event, at: at, actor: e.actor, assignee: e.assignee, data: e.numbers)
            case .amendment(let a):
                state.amend(text: a.newText, probability: a.newP, at: at)
            default:
                break
            }
        }
        schedule(recorded, handle, .entry(.init(row: row, persons: persons.map { ($0.ref, $0.role) }, state: state)))
        newPersons.append(contentsOf: persons.filter(\.isNew).map { ($0.ref, recorded) })
        for (at, item) in steps { schedule(at, handle, item) }
        entriesPlanned += 1
    }

    /// Persons first seen in planned entries, with the time they were first registered.
    var newPersons: [(String, Int64)] = []

    typealias Step = (Int64, SyntheticItem)

    func event(_ e: String, _ actor: String?, assignee: String? = nil, text: String? = nil, data: String = "{}",
               rulesVersion: String? = nil, trace: String? = nil, numbers: [String: Int64] = [:]) -> SyntheticItem {
        .event(.init(event: e, actor: actor, assignee: assignee, text: text, data: data, rulesVersion: rulesVersion, trace: trace,
                     numbers: numbers))
    }

    // MARK: Emission

    mutating func emit(_ s: Scheduled) {
        let hd = s.handle
        let unit = ChainValue.text(hd.unit.code)
        switch s.item {
        case .entry(var e):
            hd.id = newID(T.entries)
            hd.ref = "\(hd.unit.code)-\(loader.nextEntryNumber(hd.unit.code))"
            e.row[0] = .int(hd.id)
            e.row[1] = .text(hd.ref)
            loader.append(T.entries, &e.row)
            for p in e.persons {
                let (by, salt, commitment): (ChainValue, ChainValue, ChainValue) = hd.sealed ? seal(hd.reporter) : (.null, .null, .null)
                var row: [ChainValue] = [.int(newID(T.persons)), .int(hd.id), unit, .text(p.ref), .text(p.role),
                                         hd.sealed ? .null : .text(hd.reporter), .time(s.time), .null, .null, .null, by, salt, commitment]
                loader.append(T.persons, &row)
            }
            var state = e.state.row(entryID: hd.id, ref: hd.ref, unit: hd.unit.code)
            loader.append(T.state, &state)
        case .event(let e):
            var row: [ChainValue] = [.int(newID(T.events)), .int(hd.id), unit, .text(e.event), e.actor.map { .text($0) } ?? .null,
                                     .time(s.time), e.assignee.map { .text($0) } ?? .null, e.text.map { .text($0) } ?? .null,
                                     .jsonb(e.data), e.rulesVersion.map { .text($0) } ?? .null, e.trace.map { .jsonb($0) } ?? .null,
                                     .null, .null, .null, .null, .null, .null]
            loader.append(T.events, &row)
        case .amendment(let a):
            let sealed = hd.sealed && a.actor == hd.reporter
            let (by, salt, commitment): (ChainValue, ChainValue, ChainValue) = sealed ? seal(a.actor) : (.null, .null, .null)
            var row: [ChainValue] = [.int(newID(T.amendments)), .int(hd.id), unit, sealed ? .null : .text(a.actor), .time(s.time),
                                     .text(a.reason), .jsonb(a.changes), .int(a.tier), .text("P\(a.tier)"), .int(a.risk),
                                     .text(engine.version), .jsonb(a.trace), .null, .null, .null, by, salt, commitment]
            loader.append(T.amendments, &row)
        case .assessment(let a):
            hd.assessmentID = newID(T.assessments)
            var row: [ChainValue] = [.int(hd.assessmentID), .text(a.person), unit, .int(a.p), .int(a.c), .int(a.p * a.c),
                                     .text(a.band), .text(a.summary), .text(a.assessor), .time(s.time), .date(a.validUntil),
                                     .text(engine.version), .jsonb(a.trace), .null, .null, .null]
            loader.append(T.assessments, &row)
        case .measure(let m):
            var row: [ChainValue] = [.int(newID(T.measures)), .int(hd.id), unit, m.person.map { .text($0) } ?? .null, .text(m.type),
                                     .text(m.description), .text(m.purpose), .texts(m.burdens), .int(m.restrictiveness), .null,
                                     m.justification.map { .text($0) } ?? .null, m.rehabilitationNote.map { .text($0) } ?? .null,
                                     m.withAssessment ? .int(hd.assessmentID) : .null, .text(m.outcome), .jsonb(m.violations),
                                     .text(m.decidedBy), .time(s.time), .text(engine.version), .jsonb(m.trace),
                                     .null, .null, .null, .null, .null, .null]
            loader.append(T.measures, &row)
        case .decision(let d):
            var row: [ChainValue] = [.int(newID(T.decisions)), .int(hd.id), unit, d.person.map { .text($0) } ?? .null, .text(d.text),
                                     .bool(d.significant), d.justification.map { .text($0) } ?? .null,
                                     .ints(d.withAssessment ? [hd.assessmentID] : []), .text(d.decidedBy), .time(s.time),
                                     .text(engine.version), .jsonb(d.trace), .null, .null, .null, .null, .null, .null]
            loader.append(T.decisions, &row)
        }
    }

    /// Registers the persons first seen so far (the registry is not chained; its order is free).
    mutating func flushPersons() {
        for (ref, at) in newPersons {
            var row: [ChainValue] = [.text(ref), .time(at)]
            loader.append(T.registry, &row)
        }
        newPersons.removeAll(keepingCapacity: true)
    }
}
