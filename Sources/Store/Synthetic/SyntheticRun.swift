import Crypto
import Foundation
import Rules
import VaktloggCore

/// Table positions in ``ChainTable/all``.
enum T {
    static let registry = 0, entries = 1, persons = 2, events = 3, amendments = 4, assessments = 5,
        measures = 6, decisions = 7, state = 8, heads = 9
}

extension SplitMix64 {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func int(_ r: ClosedRange<Int64>) -> Int64 { r.lowerBound + Int64(next() % UInt64(r.upperBound - r.lowerBound + 1)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    mutating func bytes(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(n)
        while out.count < n {
            var v = next()
            for _ in 0..<8 where out.count < n { out.append(UInt8(v & 0xff)); v >>= 8 }
        }
        return out
    }
    mutating func uuid() -> String {
        var b = bytes(16)
        b[6] = (b[6] & 0x0f) | 0x40
        b[8] = (b[8] & 0x3f) | 0x80
        var hex: [UInt8] = []
        ChainValue.appendHex(b, to: &hex)
        let s = String(decoding: hex, as: UTF8.self)
        let i = Array(s)
        return String(i[0..<8]) + "-" + String(i[8..<12]) + "-" + String(i[12..<16]) + "-" + String(i[16..<20]) + "-" + String(i[20..<32])
    }
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

    /// The lifecycle of domain.md §5 per kind, sometimes late, sometimes left open.
    mutating func lifecycle(kind: String, tier: Int64, recorded: Int64, reported r: Int64, unit: SyntheticUnit,
                            police: Bool, p: Int64, c: Int64) -> [Step] {
        var out: [Step] = []
        var t = recorded
        func at(_ candidate: Int64) -> Int64 {
            t = max(t + 1, candidate)
            return t
        }
        let coordinator = rng.pick(unit.coordinators)
        let officer = rng.pick(unit.officers)
        let late = rng.chance(0.12)
        let stall = rng.chance(0.05)
        let p1 = tier == 1
        let h: Int64 = 3600, d: Int64 = 86_400
        let ackAt: Int64
        switch kind {
        case "deviation": ackAt = r + (late ? rng.int(25 * h...3 * d) : rng.int(600...20 * h))
        case "manipulation": ackAt = r + (late ? rng.int(3 * d + h...6 * d) : rng.int(h...60 * h))
        default: ackAt = r + (p1 ? (late ? rng.int(360...h) : rng.int(30...280)) : rng.int(120...4 * h))
        }
        let acker = kind == "manipulation" || p1 ? coordinator : officer
        out.append((at(ackAt), event("acknowledge", acker)))
        if rng.chance(0.3) { out.append((at(t + rng.int(600...4 * h)), event("comment", coordinator, text: rng.pick(DemoTexts.comments)))) }
        if stall { return out }
        switch kind {
        case "deviation":
            out.append((at(r + (late ? rng.int(15 * d...20 * d) : rng.int(2 * h...12 * d))),
                        event("treatment_started", officer, text: rng.pick(DemoTexts.causes))))
            let decided = at(t + rng.int(h...2 * d))
            let due = ChainTime.dateText(ChainTime.osloDays(decided) + 14)
            out.append((decided, event("measure_decided", coordinator, assignee: officer, text: rng.pick(DemoTexts.measures),
                                       data: JSONBText.render(.object(["due": .string(due)])))))
            if rng.chance(0.1) { return out }
            out.append((at(late ? r + rng.int(31 * d...45 * d) : min(r + 29 * d, t + rng.int(d...14 * d))),
                        event("close", coordinator, text: rng.pick(DemoTexts.verifications))))
        case "manipulation":
            out.append((at(t + rng.int(h...2 * d)), event("supervision_offered", coordinator)))
            out.append((at(late ? r + rng.int(8 * d...12 * d) : min(r + 7 * d - h, t + rng.int(h...4 * d))),
                        event("supervision_held", coordinator)))
            out.append((at(t + rng.int(h...3 * d)), event("close", coordinator)))
        case "threat":
            let limit: Int64 = (p1 ? 4 : 24) * h
            let ap = rng.int(1...5), ac = rng.int(1...5)
            let band = (try? engine.risk(probability: Int(ap), consequence: Int(ac)))?.band.rawValue ?? "critical"
            let src = rng.pick(["A", "B", "C", "D", "E", "F"])
            let cred = rng.int(1...6)
            let data = JSONBText.render(.object([
                "source_reliability": .string(src), "info_credibility": .int(Int(cred)), "probability": .int(Int(ap)),
                "consequence": .int(Int(ac)), "risk_score": .int(Int(ap * ac)), "band": .string(band)]))
            out.append((at(late ? r + limit + rng.int(h...10 * h) : r + rng.int(600...limit - 300)),
                        event("threat_assessed", coordinator, data: data, rulesVersion: engine.version, trace: riskTrace(ap, ac),
                                  numbers: ["probability": ap, "consequence": ac])))
            if police {
                let inform = rng.chance(0.8)
                out.append((at(late ? r + rng.int(25 * h...40 * h) : t + rng.int(600...6 * h)),
                            event("police_decision", coordinator, text: rng.pick(SyntheticTexts.policeJustifications),
                                  data: JSONBText.render(.object(["decision": .string(inform ? "inform" : "not_inform")])))))
            }
            out.append((at(t + rng.int(h...5 * d)), event("close", coordinator)))
        default:
            if rng.chance(0.25) { out.append((at(t + rng.int(300...h)), event("assign", coordinator, assignee: officer))) }
            out.append((at(t + rng.int(h...10 * d)), event("close", p1 ? coordinator : officer)))
            if rng.chance(0.015) {
                out.append((at(t + rng.int(d...5 * d)), event("reopen", coordinator, text: rng.pick(SyntheticTexts.reopenReasons))))
                out.append((at(t + rng.int(d...3 * d)), event("close", coordinator)))
            }
        }
        return out
    }

    /// Amendments, individual risk assessments with the measures and decisions resting on them,
    /// and other decisions.
    mutating func extras(kind: String, category: String, tier: Int64, recorded: Int64, handle: EntryHandle,
                         persons: [String], text: String, p: Int64, c: Int64, interests: [Interest],
                         occurred: Int64) -> [Step] {
        var out: [Step] = []
        let unit = handle.unit
        let h: Int64 = 3600
        if kind != "threat", rng.chance(0.03) {
            let at = recorded + rng.int(600...48 * h)
            var changes: [String: JSONValue] = [:]
            var newP = p
            var newText: String?
            if rng.chance(0.5) {
                newText = text + " " + rng.pick(SyntheticTexts.followUps)
                changes["text"] = .string(newText!)
            } else {
                newP = p == 5 ? 4 : p + 1
                changes["probability"] = .int(Int(newP))
            }
            let risk = (try? engine.risk(probability: Int(newP), consequence: Int(c)))?.trace ?? []
            let triage = (try? engine.triage([TriageEntry(id: "entry", interests: interests, probability: Int(newP), consequence: Int(c),
                                                         occurredAt: Date(timeIntervalSince1970: Double(occurred)))]))?.trace ?? []
            out.append((at, .amendment(.init(actor: handle.reporter, reason: rng.pick(SyntheticTexts.amendmentReasons),
                                             changes: JSONBText.render(.object(changes)), tier: tier, risk: newP * c,
                                             trace: JSONBText.render(.array((risk + triage).map(\.json))),
                                             newText: newText, newP: newText == nil ? newP : nil))))
        }
        if (kind == "incident" || kind == "threat"), let person = persons.first, !person.hasPrefix("T-"), rng.chance(0.08) {
            let coordinator = rng.pick(unit.coordinators)
            let at = recorded + rng.int(h...48 * h)
            let ap = rng.int(2...5), ac = rng.int(2...5)
            guard let risk = try? engine.risk(probability: Int(ap), consequence: Int(ac)) else { return out }
            let day = ChainTime.osloDays(at)
            let assessedOn = CalendarDate(ChainTime.dateText(day))!
            let valid = engine.assessmentRenewalDue(assessedAt: assessedOn)
            let validDays = ChainTime.days(year: Int64(valid.year), month: Int64(valid.month), day: Int64(valid.day))
            out.append((at, .assessment(.init(person: person, p: ap, c: ac, band: risk.band.rawValue,
                                              summary: rng.pick(SyntheticTexts.assessmentSummaries), assessor: coordinator,
                                              validUntil: validDays, trace: riskTrace(ap, ac)))))
            let permitted = engine.ruleSet.restrictivenessLimits[risk.band]
            let departs = rng.chance(0.2) && permitted < 4
            let level = departs ? permitted + 1 : max(1, permitted)
            let type: MeasureType = level == 4 ? .isolation : level == 3 ? .exclusion : level == 2 ? rng.pick([.search, .visitRestriction]) : .extraControl
            let justification = departs ? "Konkrete opplysninger om planlagt vold tilsier strengere tiltak enn vurderingen alene." : nil
            let note = "Mister deltakelse i skole og arbeid i perioden; vurderes ukentlig."
            let input = MeasureInput(type: type, purpose: .security, burdens: [.rehabilitation],
                                     restrictiveness: Restrictiveness(rawValue: Int(level))!, justification: justification,
                                     rehabilitationNote: note)
            let evaluation = engine.measure(input, assessment: AssessmentInput(band: risk.band, assessedAt: assessedOn), at: assessedOn)
            guard evaluation.outcome == .allowed else { return out }
            let outcome = evaluation.violations.contains { $0.justified } ? "justified" : "allowed"
            out.append((at + 1800, .measure(.init(
                person: person, type: type.rawValue, description: "Tiltak etter hendelse", purpose: "security",
                burdens: ["rehabilitation"], restrictiveness: Int64(level), justification: justification,
                rehabilitationNote: note, withAssessment: true, outcome: outcome,
                violations: JSONBText.render(.array(evaluation.violations.map(\.json))), decidedBy: coordinator,
                trace: JSONBText.render(.array(evaluation.trace.map(\.json)))))))
            if level >= 3 {
                let just = "Fare for liv og helse for medinnsatte."
                let d = engine.decision(DecisionInput(publicSafetySignificant: true, justification: just, assessmentRefs: ["assessment"]))
                out.append((at + 1900, .decision(.init(person: person, text: "Utelukkelse fra fellesskapet i inntil 14 dager.",
                                                       significant: true, justification: just, withAssessment: true,
                                                       decidedBy: coordinator, trace: JSONBText.render(.array(d.trace.map(\.json)))))))
            }
        } else if kind == "incident", ["violence_staff", "threat_staff", "threat_staff_family"].contains(category), rng.chance(0.2) {
            let coordinator = rng.pick(unit.coordinators)
            let input = MeasureInput(type: .staffProtection, purpose: .lifeHealth, burdens: [], restrictiveness: .none)
            let day = CalendarDate(ChainTime.dateText(ChainTime.osloDays(recorded)))!
            let evaluation = engine.measure(input, assessment: nil, at: day)
            if evaluation.outcome == .allowed {
                out.append((recorded + rng.int(h...24 * h), .measure(.init(
                    person: nil, type: "staff_protection", description: "Skjermet adresse og følge til og fra arbeid.",
                    purpose: "life_health", burdens: [], restrictiveness: 0, justification: nil, rehabilitationNote: nil,
                    withAssessment: false, outcome: "allowed", violations: JSONBText.render(.array(evaluation.violations.map(\.json))),
                    decidedBy: coordinator, trace: JSONBText.render(.array(evaluation.trace.map(\.json)))))))
            }
        }
        if rng.chance(0.01) {
            let manager = unit.manager
            let d = engine.decision(DecisionInput(publicSafetySignificant: false, justification: nil, assessmentRefs: []))
            out.append((recorded + rng.int(h...72 * h), .decision(.init(
                person: persons.first, text: rng.pick(SyntheticTexts.decisions), significant: false, justification: nil,
                withAssessment: false, decidedBy: manager, trace: JSONBText.render(.array(d.trace.map(\.json)))))))
        }
        return out
    }

    /// The escalations escalate_overdue() (sql/020) would have appended: one per deadline still
    /// pending a minute or a few after it passed, while the entry was open.
    mutating func escalations(steps: [Step], dues: [String: Int64]) -> [Step] {
        let clears: [String: Set<String>] = [
            "ack": ["acknowledge", "threat_assessed", "close"], "treatment": ["treatment_started", "close"],
            "close": ["close"], "review": ["acknowledge", "close"], "supervision": ["supervision_held"],
            "assessment": ["threat_assessed"], "police": ["police_decision"],
        ]
        var firstClose = Int64.max
        var fulfilled: [String: Int64] = [:]
        for (at, item) in steps.sorted(by: { $0.0 < $1.0 }) {
            guard case .event(let e) = item else { continue }
            if e.event == "close" { firstClose = min(firstClose, at) }
            for (key, events) in clears where events.contains(e.event) && fulfilled[key] == nil { fulfilled[key] = at }
        }
        var out: [Step] = []
        for key in ["ack", "treatment", "close", "review", "supervision", "assessment", "police"] {
            guard let due = dues[key] else { continue }
            let at = due + 60 + rng.int(0...240)
            guard at < (fulfilled[key] ?? Int64.max), at < firstClose, at <= until else { continue }
            out.append((at, event("escalated", integration, data: JSONBText.render(.object([
                "deadline": .string(key), "due": .string(ChainTime.escalationDueText(due))])))))
        }
        return out
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
