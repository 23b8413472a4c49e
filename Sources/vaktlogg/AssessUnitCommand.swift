import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg assess-unit CODE …`: a unit (system-level) risk assessment.
struct AssessUnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess-unit",
        abstract: "Risikovurdering av en enhet (systemnivå: bemanning, utstyr, bygg).",
        discussion: """
            Risk = probability × consequence, banded by the rule set; valid 365 days by default (the rule set's \
            unit_assessment_renewal_days). For security coordinators and managers of the unit. Shown by \
            `vaktlogg unit show CODE`. --json prints {"id", "unit", "risk_score", "band", "valid_until"}.
            """)
    @Argument(help: "Enhetskode.") var unit: String
    @Option(help: ArgumentHelp("Sannsynlighet 1–5.", valueName: "N")) var probability: Int
    @Option(help: ArgumentHelp("Konsekvens 1–5.", valueName: "N")) var consequence: Int
    @Option(help: ArgumentHelp("Sammendrag av vurderingen.", valueName: "TEXT")) var summary: String
    @Option(help: ArgumentHelp("Bemanning.", valueName: "TEXT")) var staffing: String?
    @Option(help: ArgumentHelp("Utstyr (alarm, kamera, samband).", valueName: "TEXT")) var equipment: String?
    @Option(help: ArgumentHelp("Bygg og fysisk sikring.", valueName: "TEXT")) var building: String?
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let l = options.language
        let draft = UnitAssessmentDraft(unit: unit, probability: probability, consequence: consequence, summary: summary,
                                        staffing: staffing, equipment: equipment, building: building)
        let a = try StoreCommand.run(options) { try StoreSession(connection: $0).unitAssessments.record(draft) }
        if output.json {
            return print(JSONText.encode(["id": a.id, "unit": a.unit, "risk_score": a.score, "band": a.band.rawValue,
                                          "valid_until": "\(a.validUntil)"]))
        }
        print(FollowUpText.unitAssessed(id: a.id, unit: a.unit, score: a.score, band: a.band.label(l), validUntil: "\(a.validUntil)")(l))
    }
}

/// `vaktlogg unit show CODE`: the unit, its current system-level risk assessment and its active
/// collective measures.
struct UnitShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Vis en enhet med risikovurdering (systemnivå) og aktive fellestiltak.",
        discussion: """
            --json prints {"code", "name", "type", "region", "security_level", "assessment": null or {"id", \
            "probability", "consequence", "risk_score", "band", "summary", "staffing", "equipment", "building", \
            "assessor", "assessed_at", "valid_until", "current"}, "collective_measures": [as `measures --json`]}.
            """)
    @Argument(help: "Enhetskode.") var code: String
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let l = options.language
        let wanted = UnitCode.normalise(code)
        let (unit, assessment, measures) = try StoreCommand.run(options) { c in
            let s = StoreSession(connection: c)
            return (try Administration(connection: c).units().first { $0.code == wanted },
                    try s.unitAssessments.latest(unit: wanted),
                    try s.measureFollowUp.list(MeasureListFilter(activeOnly: true, units: [wanted])).filter { $0.scope == .unit })
        }
        guard let unit else {
            CLI.fail(FollowUpText.unknownUnit, language: l)
            throw ExitStatus.badData
        }
        let today = OsloTime.calendarDate(Date())
        let now = Date()
        if output.json {
            var o: [String: Any] = ["code": unit.code, "name": unit.name, "type": unit.type.rawValue, "region": unit.region,
                                    "security_level": unit.securityLevel]
            o["assessment"] = assessment.map { a -> Any in
                ["id": a.id, "probability": a.probability, "consequence": a.consequence, "risk_score": a.score,
                 "band": a.band.rawValue, "summary": a.summary, "staffing": a.staffing ?? NSNull(),
                 "equipment": a.equipment ?? NSNull(), "building": a.building ?? NSNull(), "assessor": a.assessor,
                 "assessed_at": OsloTime.rfc3339(a.assessedAt), "valid_until": "\(a.validUntil)",
                 "current": a.isCurrent(on: today)] as [String: Any]
            } ?? NSNull()
            o["collective_measures"] = measures.map { MeasuresCommand.json($0, now: now) }
            return print(JSONText.encode(o))
        }
        let F = FollowUpText.self
        var out = [F.unitHeading(code: unit.code, name: unit.name)(l) + " · \(unit.type.label(l)) · \(unit.region)", ""]
        out.append(F.unitAssessmentHeading(l))
        if let a = assessment {
            out.append("  #\(a.id) · " + EntryText.risk(a.score, a.band)(l) + " · "
                       + (a.isCurrent(on: today) ? F.current(l) : F.notCurrent(l)))
            out.append("  " + F.assessedBy(a.assessor, OsloTime.format(a.assessedAt), validUntil: "\(a.validUntil)")(l))
            out.append("  " + a.summary)
            if let s = a.staffing { out.append("  \(F.staffing(l)): \(s)") }
            if let s = a.equipment { out.append("  \(F.equipment(l)): \(s)") }
            if let s = a.building { out.append("  \(F.building(l)): \(s)") }
        } else {
            out.append("  " + F.noUnitAssessment(l))
        }
        out.append("")
        out.append(F.collectiveMeasuresHeading(l))
        if measures.isEmpty { out.append("  —") }
        for m in measures {
            out.append("  #\(m.id) \(MeasureType(rawValue: m.type)?.label(l) ?? m.type) · \(F.reviewDue(l)) "
                       + (m.endsAt.map(OsloTime.format) ?? "—") + (m.overdue ? " · " + F.overdue(l) : ""))
        }
        print(out.joined(separator: "\n"))
    }
}
