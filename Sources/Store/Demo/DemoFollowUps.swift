import Foundation
import Postgres
import VaktloggCore

/// The follow-ups of the demonstration data (sql/030–033): measures reviewed, lifted and left
/// overdue; collective measures active, lifted and past their end; unit assessments current and
/// lapsed; staff debriefings offered, held, declined and overdue. Written as the users they belong
/// to, through the same workflows as the CLI, in the seeder's backdating transaction.
struct DemoFollowUps {
    let session: StoreSession
    let now: Date
    var c: Connection { session.connection }

    func seed() throws {
        try measures()
        try flaggedMeasures()
        try collectiveMeasures()
        try unitAssessments()
        try debriefings()
        _ = try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
    }

    private func become(_ user: String) throws {
        _ = try c.unsafeExecuteScript("SET LOCAL SESSION AUTHORIZATION \(try c.escapeIdentifier(user))")
    }

    private func at(_ date: Date) -> StoreSession { session.at(.fixed(min(date, now.addingTimeInterval(-60)))) }

    /// A restrictive measure still within its first review period stays active; of the older ones,
    /// every fifth is left unreviewed (overdue), the rest were reviewed in time and then lifted.
    private func measures() throws {
        _ = try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
        let rows = try c.query("""
            SELECT id, unit_code, review_due FROM measures WHERE review_due IS NOT NULL ORDER BY id
            """).rows
        for (i, r) in rows.enumerated() {
            let unit = try r.decode(String.self, "unit_code")
            let due = try r.decode(Date.self, "review_due")
            guard let coordinator = DemoOrganisation.coordinators(of: unit).first, due < now, i % 5 != 0 else { continue }
            try become(coordinator.name)
            let id = try r.decode(Int64.self, "id")
            _ = try at(due.addingTimeInterval(-3600)).measureFollowUp
                .review(id: id, note: "Gjennomgått: fortsatt nødvendig en kort periode til.")
            _ = try at(due.addingTimeInterval(-1800)).measureFollowUp
                .lift(id: id, reason: "Ingen nye hendelser; tiltaket er ikke lenger nødvendig.")
        }
    }

    /// The proportionality flags on display: a measure whose person's assessment has lapsed, and
    /// one whose person was involved in a P1 incident after the assessment.
    private func flaggedMeasures() throws {
        let day: TimeInterval = 86_400
        guard let officer = DemoOrganisation.officers(of: "HAVNES").first,
              let coordinator = DemoOrganisation.coordinators(of: "HAVNES").first else { return }
        func incident(_ category: String, _ text: String, person: String, at: Date) throws -> String {
            var d = EntryDraft(kind: .incident, category: category, text: text)
            d.unit = "HAVNES"
            d.persons = [.init(role: .inmate, ref: person)]
            d.occurredAt = at
            d.reportedAt = at
            d.probability = 3
            d.consequence = 3
            try become(officer.name)
            return try self.at(at).entries.log(d).ref
        }
        func measure(on ref: String, person: String, at: Date, justification: String?) throws {
            var m = MeasureDraft(type: .exclusion, purpose: .security, burdens: [], restrictiveness: .moderate)
            m.person = person
            m.justification = justification
            m.description = "Utelukkelse fra fellesskapet etter \(ref)"
            try become(coordinator.name)
            _ = try self.at(at).measures.record(m, on: ref)
        }
        // Assessed 200 days ago (valid 180): the measure of 3 days ago rests on a lapsed assessment.
        try become(coordinator.name)
        _ = try at(now.addingTimeInterval(-200 * day)).riskAssessments.record(
            person: "K-2026-0900", unit: "HAVNES", probability: 3, consequence: 3, summary: "Truende adferd mot medinnsatte.")
        let threat = try incident("contraband_phone", "Mobiltelefon funnet hos K-2026-0900.", person: "K-2026-0900",
                                  at: now.addingTimeInterval(-3 * day))
        try measure(on: threat, person: "K-2026-0900", at: now.addingTimeInterval(-3 * day + 3600),
                    justification: "Vurderingen er utløpt; ny vurdering bestilt, tiltaket kan ikke vente.")
        // Assessed 10 days ago, measured, then a P1 incident involving the person yesterday.
        try become(coordinator.name)
        _ = try at(now.addingTimeInterval(-10 * day)).riskAssessments.record(
            person: "K-2026-0901", unit: "HAVNES", probability: 2, consequence: 3, summary: "Rolig, men kontakt med miljø.")
        let phone = try incident("contraband_phone", "Mobiltelefon funnet hos K-2026-0901.", person: "K-2026-0901",
                                 at: now.addingTimeInterval(-9 * day))
        try measure(on: phone, person: "K-2026-0901", at: now.addingTimeInterval(-9 * day + 3600), justification: nil)
        _ = try incident("violence_inmate", "K-2026-0901 slo medinnsatt i treningsrommet.", person: "K-2026-0901",
                         at: now.addingTimeInterval(-day))
    }

    private func collectiveMeasures() throws {
        let day: TimeInterval = 86_400
        let plans: [(unit: String, type: MeasureType, text: String, why: String, decided: TimeInterval, ends: TimeInterval, lifted: TimeInterval?)] = [
            ("BJORKVIK", .search, "Utvidet visitasjon av alle celler i avdeling A og B.",
             "Funn av kniv i to avdelinger på en uke; kilden er ikke kjent, så alle celler må undersøkes.", -3 * day, 11 * day, nil),
            ("HAVNES", .visitRestriction, "Besøk bare med glassvegg i to uker.",
             "Narkotika smuglet inn via besøk i flere avdelinger; enkelttiltak har ikke stoppet det.", -20 * day, -6 * day, -8 * day),
            ("TINDVIK", .extraControl, "Ekstra telling hver time på natt.",
             "Rømningsforsøk med hjelp utenfra; planen omfattet flere innsatte.", -9 * day, -1 * day, nil),
        ]
        for p in plans {
            guard let coordinator = DemoOrganisation.coordinators(of: p.unit).first else { continue }
            try become(coordinator.name)
            let decided = now.addingTimeInterval(p.decided)
            let r = try at(decided).unitMeasures.record(UnitMeasureDraft(
                unit: p.unit, type: p.type, purpose: .security, text: p.text, justification: p.why,
                endsAt: now.addingTimeInterval(p.ends)))
            if let lifted = p.lifted {
                _ = try at(now.addingTimeInterval(lifted)).measureFollowUp
                    .lift(.unit, id: r.id, reason: "Ingen nye funn etter tiltaket; ordinært regime gjeninnført.")
            }
        }
    }

    private func unitAssessments() throws {
        let day: TimeInterval = 86_400
        let plans: [(unit: String, p: Int, q: Int, ago: TimeInterval, summary: String, staffing: String?, equipment: String?, building: String?)] = [
            ("BJORKVIK", 3, 4, 40 * day, "Høy risiko ved nattbemanning; god fysisk sikring.",
             "To betjenter på natt i avdeling A; under minimum ved sykdom.", "Kameradekning i alle korridorer; alarmsentral døgnbemannet.",
             "Ytre mur og sluse i god stand."),
            ("HAVNES", 2, 4, 120 * day, "Moderat risiko; besøksområdet er sårbart for smugling.", nil,
             "Skanner i besøksavdelingen er ofte ute av drift.", "Besøksrom uten fysisk skille."),
            ("FJELLHEIM", 2, 2, 400 * day, "Lav risiko i lav sikkerhet; vurderingen er over ett år gammel.",
             "Bemanning etter plan.", nil, nil),
        ]
        for p in plans {
            guard let coordinator = DemoOrganisation.coordinators(of: p.unit).first else { continue }
            try become(coordinator.name)
            _ = try at(now.addingTimeInterval(-p.ago)).unitAssessments.record(UnitAssessmentDraft(
                unit: p.unit, probability: p.p, consequence: p.q, summary: p.summary, staffing: p.staffing,
                equipment: p.equipment, building: p.building))
        }
    }

    /// Of the entries that owe a debriefing: a quarter left alone (overdue when old), a quarter
    /// offered only, a quarter offered and held, a quarter offered and declined.
    private func debriefings() throws {
        _ = try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
        let rows = try c.query("SELECT ref, unit_code, reported_at FROM debriefing_status_all ORDER BY entry_id").rows
        for (i, r) in rows.enumerated() where i % 4 != 0 {
            let unit = try r.decode(String.self, "unit_code"), ref = try r.decode(String.self, "ref")
            guard let user = (DemoOrganisation.officers(of: unit) + DemoOrganisation.coordinators(of: unit)).first else { continue }
            let reported = try r.decode(Date.self, "reported_at")
            guard reported.addingTimeInterval(3 * 3600) < now else { continue }
            try become(user.name)
            try at(reported.addingTimeInterval(3 * 3600)).debriefings
                .record(.offered, on: ref, note: "Tilbudt samtale med bedriftshelsetjenesten.")
            let concluded = reported.addingTimeInterval(3 * 86_400)
            guard concluded < now else { continue }
            switch i % 4 {
            case 2: try at(concluded).debriefings.record(.held, on: ref, note: nil)
            case 3: try at(concluded).debriefings.record(.declined, on: ref, note: "Ønsket ikke samtale nå; kan ta kontakt senere.")
            default: break
            }
        }
    }
}
