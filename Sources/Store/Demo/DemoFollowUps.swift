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
        try collectiveMeasures()
        try unitAssessments()
        try debriefings()
        _ = try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
    }

    private func become(_ user: String) throws {
        _ = try c.unsafeExecuteScript("SET LOCAL SESSION AUTHORIZATION \(try c.escapeIdentifier(user))")
    }

    private func at(_ date: Date) -> StoreSession { session.at(.fixed(min(date, now.addingTimeInterval(-60)))) }

    /// Every third restrictive measure lifted two days after it was decided, every third reviewed in
    /// time, the rest left as they are (the older of them overdue).
    private func measures() throws {
        _ = try c.unsafeExecuteScript("RESET SESSION AUTHORIZATION")
        let rows = try c.query("""
            SELECT id, unit_code, decided_at, review_due FROM measures WHERE review_due IS NOT NULL ORDER BY id
            """).rows
        for (i, r) in rows.enumerated() {
            let unit = try r.decode(String.self, "unit_code")
            guard let coordinator = DemoOrganisation.coordinators(of: unit).first else { continue }
            let decided = try r.decode(Date.self, "decided_at"), due = try r.decode(Date.self, "review_due")
            try become(coordinator.name)
            let id = try r.decode(Int64.self, "id")
            switch i % 3 {
            case 0 where decided.addingTimeInterval(2 * 86_400) < now:
                _ = try at(decided.addingTimeInterval(2 * 86_400)).measureFollowUp
                    .lift(id: id, reason: "Ingen nye hendelser; tiltaket er ikke lenger nødvendig.")
            case 1 where due < now:
                _ = try at(due.addingTimeInterval(-3600)).measureFollowUp
                    .review(id: id, note: "Gjennomgått: fortsatt nødvendig, vurderes igjen ved neste frist.")
            default:
                continue
            }
        }
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
