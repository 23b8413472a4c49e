public import Foundation
public import Postgres
public import Rules
import VaktloggCore

/// `vaktlogg seed --demo`: a realistic demonstration data set — regions, units, staff, a few months
/// of entries of all four kinds in every state, persons, assessments, measures and decisions — so
/// the dashboard and the reports are meaningful on first start.
///
/// It runs as the database owner in one transaction. Every fact — entries, lifecycle events, risk
/// assessments, measures, decisions — is written through the same workflows as the CLI, as the
/// demo users themselves (`SET LOCAL SESSION AUTHORIZATION`), so triggers, chains and rules apply
/// unchanged; only backdating is switched on (a ``StoreSession/backdating(owner:engine:clock:)``
/// session, and the database's switch inside the transaction), so history can lie in the past.
/// Nothing else ever sees that switch.
public struct DemoSeeder {
    /// What was created.
    public struct Summary: Sendable {
        /// Units in the demo organisation.
        public let units: Int
        /// Demo users.
        public let users: Int
        /// Entries logged.
        public let entries: Int
        /// Lifecycle events, measures and decisions recorded.
        public let events: Int
    }

    let owner: Connection
    let engine: RulesEngine

    /// - Parameter owner: a connection as the database owner (a superuser).
    public init(owner: Connection, engine: RulesEngine = RulesEngine()) {
        self.owner = owner
        self.engine = engine
    }

    /// True when the database already holds entries (then ``seed(now:days:seed:)`` refuses).
    public func hasEntries() throws -> Bool {
        try owner.query("SELECT EXISTS (SELECT 1 FROM entries) AS e").first!.decode(Bool.self, "e")
    }

    /// Seeds the data set, with history ending at `now` and reaching `days` back. Refuses when the
    /// database already holds entries (a demo must never mix with real data).
    public func seed(now: Date = Date(), days: Int = 90, seed: UInt64 = 2006) throws(StoreError) -> Summary {
        try StoreSession.backdating(owner: owner, engine: engine, clock: .fixed(now)).transaction { session in
            let c = session.connection
            let existing = try c.query("SELECT count(*) AS n FROM entries").first!.decode(Int.self, "n")
            if existing > 0 {
                throw StoreError.invalid(.notEmpty)
            }
            _ = try c.query("UPDATE maintenance SET backdating = true")
            var run = Run(session: session, rng: SplitMix64(seed: seed), now: now)
            try run.organisation()
            try run.history(days: days)
            try run.assessmentsAndMeasures()
            try DemoFollowUps(session: session, now: now).seed()
            try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
            _ = try c.query("UPDATE maintenance SET backdating = false")
            return Summary(units: DemoOrganisation.units.count, users: DemoOrganisation.users.count,
                           entries: run.entries, events: run.events)
        }
    }
}

/// One seeding pass.
private struct Run {
    let session: StoreSession
    var c: Connection { session.connection }
    var engine: RulesEngine { session.engine }
    var rng: SplitMix64
    let now: Date
    var entries = 0
    var events = 0
    var personCounter = 140
    /// Entries with persons, for assessments and measures afterwards.
    var logged: [(ref: String, unit: String, person: String?, kind: EntryKind, at: Date)] = []

    init(session: StoreSession, rng: SplitMix64, now: Date) {
        self.session = session
        self.rng = rng
        self.now = now
    }

    mutating func organisation() throws {
        _ = try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
        for r in DemoOrganisation.regions where try c.query("SELECT 1 FROM regions WHERE code = \(r.code)").count == 0 {
            _ = try c.query("SELECT admin_add_region(\(r.code), \(r.name))")
        }
        for u in DemoOrganisation.units where try c.query("SELECT 1 FROM units WHERE code = \(u.code)").count == 0 {
            _ = try c.query("SELECT admin_add_unit(\(u.code), \(u.name), \(u.type), \(u.region), \(u.level))")
        }
        for u in DemoOrganisation.users where try c.query("SELECT 1 FROM app_users WHERE name = \(u.name)").count == 0 {
            _ = try c.query("SELECT admin_add_user(\(u.name), \(u.role), \(u.units)::text[], \(u.fullName))")
        }
    }

    /// The session with its clock at `at`: the time the next fact happens.
    func at(_ at: Date) -> StoreSession { session.at(.fixed(at)) }

    func become(_ user: String) throws {
        _ = try c.unsafeExecuteScript("SET LOCAL SESSION AUTHORIZATION \(try c.escapeIdentifier(user))")
    }

    mutating func nextPerson() -> String {
        personCounter += Int.random(in: 1...7, using: &rng)
        return "K-2026-\(String(format: "%04d", personCounter))"
    }

    mutating func history(days: Int) throws {
        let templates = DemoTexts.templates
        let totalWeight = DemoOrganisation.units.reduce(0) { $0 + $1.weight }
        let count = 40 * totalWeight
        // Report times spread over the period, denser towards now, in order.
        var times: [Date] = (0..<count).map { _ in
            let f = pow(Double.random(in: 0..<1, using: &rng), 0.8)
            return now.addingTimeInterval(-Double(days) * 86_400 * f - 600)
        }
        times.sort()
        for reported in times {
            var pick = Int.random(in: 0..<totalWeight, using: &rng)
            let unit = DemoOrganisation.units.first { u in pick -= u.weight; return pick < 0 }!
            let t = templates[Int.random(in: 0..<templates.count, using: &rng)]
            try entry(t, unit: unit.code, reported: reported)
        }
    }

    mutating func entry(_ t: DemoTexts.Template, unit: String, reported: Date) throws {
        guard let kind = EntryKind(rawValue: t.kind) else { return }
        let officers = DemoOrganisation.officers(of: unit)
        let coordinators = DemoOrganisation.coordinators(of: unit)
        guard let reporter = officers.randomElement(using: &rng), let coordinator = coordinators.randomElement(using: &rng) else { return }
        var d = EntryDraft(kind: kind, category: t.category, text: t.text)
        var person: String?
        if let role = t.personRole.flatMap(PersonRole.init(rawValue:)) {
            let ref = nextPerson()
            person = ref
            d.text = t.text.replacingOccurrences(of: "{p}", with: ref)
            d.persons = [.init(role: role, ref: ref)]
        }
        d.unit = unit
        d.occurredAt = reported.addingTimeInterval(-Double(Int.random(in: 2...90, using: &rng)) * 60)
        d.reportedAt = reported
        d.probability = max(1, min(5, t.probability + Int.random(in: -1...1, using: &rng)))
        d.consequence = max(1, min(5, t.consequence + Int.random(in: -1...0, using: &rng)))
        switch kind {
        case .manipulation:
            d.target = [.reporter, .reporter, .colleague, .family].randomElement(using: &rng)
            d.inWorkingHours = Bool.random(using: &rng) || Bool.random(using: &rng)
        case .threat:
            d.source = t.category == "organised_crime" ? .policeInfoflyt : [.ownObservation, .inmate, .staff, .technical].randomElement(using: &rng)
            if t.category == "organised_crime" { d.organisedCrimeCriteria = [1, 2, 3, 5, 6, 11]; d.infoflyt = true }
        default:
            break
        }
        try become(reporter.name)
        let logged = try at(reported.addingTimeInterval(60)).entries.log(d)
        entries += 1
        self.logged.append((logged.ref, unit, person, kind, reported))
        try lifecycle(logged, kind: kind, reported: reported, reporter: reporter.name, coordinator: coordinator.name, officer: officers.randomElement(using: &rng)!.name)
    }

    /// Moves the entry along its lifecycle as far as its age makes plausible, sometimes late.
    mutating func lifecycle(_ e: LoggedEntry, kind: EntryKind, reported: Date, reporter: String, coordinator: String, officer: String) throws {
        let age = now.timeIntervalSince(reported) / 86_400
        var t = reported
        func step(_ minutes: ClosedRange<Int>, _ rng: inout SplitMix64) -> Date? {
            t = t.addingTimeInterval(Double(Int.random(in: minutes, using: &rng)) * 60)
            return t < now ? t : nil
        }
        let roll = Double.random(in: 0..<1, using: &rng)
        // Recent entries are more often still open; a few old ones stay open (overdue) on purpose.
        let progress = age < 2 ? roll : age < 14 ? 0.2 + roll * 0.8 : roll < 0.04 ? 0.1 : roll < 0.12 ? 0.3 : 1.0
        let lateAck = Double.random(in: 0..<1, using: &rng) < 0.15
        func record(_ event: LifecycleEvent, as user: String, at: Date) throws {
            try become(user)
            try self.at(at).lifecycle.record([event], on: e.ref)
            events += 1
        }
        guard progress > 0.15, let ackAt = step(lateAck ? 90...2000 : (e.priority == .p1 ? 1...4 : 10...600), &rng) else { return }
        let acker = kind == .manipulation ? coordinator : (e.priority == .p1 ? coordinator : officer)
        try record(.acknowledge, as: acker, at: ackAt)
        if Bool.random(using: &rng), let at = step(5...120, &rng) {
            try record(.comment(DemoTexts.comments.randomElement(using: &rng)!), as: coordinator, at: at)
        }
        switch kind {
        case .deviation:
            guard progress > 0.35, let a1 = step(60...4000, &rng) else { return }
            try record(.startTreatment(cause: DemoTexts.causes.randomElement(using: &rng)!), as: officer, at: a1)
            guard progress > 0.55, let a2 = step(600...8000, &rng) else { return }
            let due = OsloTime.calendarDate(a2.addingTimeInterval(14 * 86_400))
            try record(.decideMeasure(measure: DemoTexts.measures.randomElement(using: &rng)!, responsible: officer, due: due), as: coordinator, at: a2)
            guard progress > 0.75, let a3 = step(2000...20000, &rng) else { return }
            try record(.close(verification: DemoTexts.verifications.randomElement(using: &rng)!), as: coordinator, at: a3)
        case .manipulation:
            guard progress > 0.3, let a1 = step(60...2000, &rng) else { return }
            try record(.supervisionOffered, as: coordinator, at: a1)
            guard progress > 0.5, let a2 = step(600...9000, &rng) else { return }
            try record(.supervisionHeld, as: coordinator, at: a2)
            guard progress > 0.8, let a3 = step(600...4000, &rng) else { return }
            try record(.close(verification: nil), as: coordinator, at: a3)
        case .threat:
            guard progress > 0.3, let a1 = step(30...600, &rng) else { return }
            try record(.assessThreat(source: [.b, .c, .c, .d].randomElement(using: &rng)!,
                                     credibility: [.probablyTrue, .possiblyTrue, .doubtful].randomElement(using: &rng)!,
                                     probability: Int.random(in: 2...4, using: &rng), consequence: Int.random(in: 3...5, using: &rng)),
                       as: coordinator, at: a1)
            let police = try c.query("SELECT police_decision_required FROM entries WHERE ref = \(e.ref)").first!.decode(Bool.self, "police_decision_required")
            if police, progress > 0.4, let a2 = step(60...900, &rng) {
                try record(.policeDecision(inform: true, justification: "Opplysningene gjelder organisert kriminalitet; politiet informeres via INFOFLYT."), as: coordinator, at: a2)
            }
            guard progress > 0.8, !police || progress > 0.4, let a3 = step(600...9000, &rng) else { return }
            if police, (try c.query("SELECT police_decided_at FROM entry_state WHERE ref = \(e.ref)").first?.decodeIfPresent(Date.self, "police_decided_at")) == nil { return }
            try record(.close(verification: nil), as: coordinator, at: a3)
        case .incident:
            guard progress > 0.6, let a1 = step(60...6000, &rng) else { return }
            // A P1 entry is closed by a coordinator who did not report it.
            try record(.close(verification: nil), as: e.priority == .p1 ? coordinator : officer, at: a1)
        }
        _ = reporter
    }

    /// Records the measure; false when the rules refuse it (nothing written).
    func recordUnlessRefused(_ measure: MeasureDraft, on ref: String, at: Date) throws(StoreError) -> Bool {
        let refusals: Set<StoreError.Code> = [.measureRejected, .measureNeedsJustification, .measureNeedsRehabilitationNote]
        do {
            _ = try self.at(at).measures.record(measure, on: ref)
            return true
        } catch {
            if refusals.contains(error.code) { return false }
            throw error
        }
    }

    /// Individual risk assessments of some persons, and measures and decisions resting on them.
    mutating func assessmentsAndMeasures() throws {
        let withPersons = logged.filter { $0.person != nil && ($0.kind == .incident || $0.kind == .threat) }
        for (i, e) in withPersons.enumerated() where i % 3 == 0 {
            guard let person = e.person, let coordinator = DemoOrganisation.coordinators(of: e.unit).first else { continue }
            let at = min(now.addingTimeInterval(-60), e.at.addingTimeInterval(Double(Int.random(in: 1...48, using: &rng)) * 3600))
            let p = Int.random(in: 2...5, using: &rng), q = Int.random(in: 2...5, using: &rng)
            try become(coordinator.name)
            let assessment = try self.at(at).riskAssessments.record(
                person: person, unit: e.unit, probability: p, consequence: q,
                summary: "Vurdert etter hendelse \(e.ref): tidligere voldshistorikk og nettverk i miljøet.")
            // A restrictive measure within what the assessment supports, with the note the
            // consideration asks for; every fourth is a justified departure from the band.
            let permitted = engine.ruleSet.restrictivenessLimits[assessment.band]
            let departs = i % 4 == 0 && permitted < 4
            let level = Restrictiveness(rawValue: departs ? permitted + 1 : max(1, permitted))!
            var measure = MeasureDraft(type: level.rawValue == 4 ? .isolation : level.rawValue == 3 ? .exclusion : level.rawValue == 2 ? .search : .extraControl,
                                       purpose: .security, burdens: [.rehabilitation], restrictiveness: level)
            measure.justification = departs ? "Konkrete opplysninger om planlagt vold mot medinnsatt tilsier strengere tiltak enn vurderingen alene." : nil
            measure.rehabilitationNote = "Mister deltakelse i skole og arbeid i perioden; vurderes ukentlig."
            measure.description = "Tiltak etter \(e.ref)"
            measure.person = person
            // The rules may refuse it, as they would a coordinator: then nothing was written.
            guard try recordUnlessRefused(measure, on: e.ref, at: at.addingTimeInterval(1800)) else { continue }
            if level.rawValue >= 3 {
                _ = try self.at(at.addingTimeInterval(1900)).decisions.record(
                    DecisionDraft(text: "Utelukkelse fra fellesskapet i inntil 14 dager.", publicSafetySignificant: true,
                                  justification: "Fare for liv og helse for medinnsatte.", assessments: [assessment.id],
                                  person: person),
                    on: e.ref)
            }
            events += 1
        }
    }
}
