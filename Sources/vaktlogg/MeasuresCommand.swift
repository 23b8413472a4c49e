import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg measures [--active] [--unit CODE] [--overdue] [--json]`: measures over time.
struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "List tiltak over tid: alder, gjennomgang, oppheving og merknader.",
        discussion: """
            Individual measures (on entries) and collective ones (whole unit) in your units, active first. \
            For each: how long it has been in force, when it is due for review (a collective measure: its end, \
            by which it must be lifted), OVERDUE when that has passed, and the flags of the proportionality \
            rule: "assessment lapsed" (the person's latest individual risk assessment is no longer valid, or \
            there is none) and "overtaken by P1 incident" (a P1 incident involving the person occurred after \
            it). The person is not shown (that is a logged read: `vaktlogg show REF`). --json prints an array of \
            {"scope", "id", "ref", "unit", "type", "purpose", "restrictiveness", "decided_at", "starts_at", \
            "ends_at", "review_due", "last_reviewed_at", "review_count", "lifted_at", "lift_reason", "active", \
            "overdue", "age_seconds", "assessment_lapsed", "overtaken_by_p1"}.
            """)
    @Flag(help: "Bare aktive (ikke opphevede) tiltak.") var active = false
    @Option(name: .customLong("unit"), help: ArgumentHelp("Bare denne enheten (gjentas).", valueName: "CODE")) var units: [String] = []
    @Flag(help: "Bare tiltak med passert gjennomgang eller sluttid.") var overdue = false
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let l = options.language
        let filter = MeasureListFilter(activeOnly: active, units: units, overdueOnly: overdue)
        let list = try StoreCommand.run(options) { try StoreSession(connection: $0).measureFollowUp.list(filter) }
        let now = Date()
        if output.json { return print(JSONText.encode(list.map { Self.json($0, now: now) })) }
        guard !list.isEmpty else { return print(FollowUpText.noMeasures(l)) }
        let F = FollowUpText.self
        print(TextTable.render(
            [F.scope(l), F.id(l), F.entry(l), F.unit(l), F.type(l), F.level(l), F.age(l), F.reviewDue(l), F.state(l), F.flags(l)],
            list.map { m in
                [m.scope == .unit ? F.wholeUnit(l) : F.person(l), String(m.id), m.entryRef ?? "—", m.unit,
                 MeasureType(rawValue: m.type)?.label(l) ?? m.type, m.restrictiveness.map(String.init) ?? "—",
                 Self.age(m.age(at: now), l), m.reviewDue.map(OsloTime.format) ?? "—",
                 m.liftedAt.map { F.liftedOn(OsloTime.format($0))(l) } ?? F.active(l), Self.flags(m, l)]
            }))
    }

    static func flags(_ m: MeasureStatus, _ l: Language) -> String {
        var out: [String] = []
        if m.overdue { out.append(FollowUpText.overdue(l)) }
        if m.assessmentLapsed { out.append(FollowUpText.assessmentLapsed(l)) }
        if m.overtakenByP1 { out.append(FollowUpText.overtakenByP1(l)) }
        return out.isEmpty ? "—" : out.joined(separator: ", ")
    }

    /// Whole days once it is a day old, hours before.
    static func age(_ seconds: TimeInterval, _ l: Language) -> String {
        let hours = max(0, Int(seconds / 3600))
        return hours >= 24 ? FollowUpText.days(hours / 24)(l) : FollowUpText.hours(hours)(l)
    }

    static func json(_ m: MeasureStatus, now: Date) -> [String: Any] {
        func time(_ d: Date?) -> Any { d.map { OsloTime.rfc3339($0) as Any } ?? NSNull() }
        return ["scope": m.scope.rawValue, "id": m.id, "ref": m.entryRef ?? NSNull(), "unit": m.unit, "type": m.type,
                "purpose": m.purpose, "restrictiveness": m.restrictiveness ?? NSNull(), "decided_at": time(m.decidedAt),
                "starts_at": time(m.startsAt), "ends_at": time(m.endsAt), "review_due": time(m.reviewDue),
                "last_reviewed_at": time(m.lastReviewedAt), "review_count": m.reviewCount, "lifted_at": time(m.liftedAt),
                "lift_reason": m.liftReason ?? NSNull(), "active": m.active, "overdue": m.overdue,
                "age_seconds": Int(m.age(at: now)), "assessment_lapsed": m.assessmentLapsed, "overtaken_by_p1": m.overtakenByP1]
    }
}
