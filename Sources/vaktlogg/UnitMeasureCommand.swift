import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg unit-measure add|review|lift`: collective (unit-wide) measures.
struct UnitMeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit-measure",
        abstract: "Fellestiltak for hele enheten: registrer, gjennomgå, opphev.",
        discussion: """
            A collective measure applies to every inmate of a unit ("not an unnecessarily high security level \
            for all inmates because a few are a threat"): it needs a justification and an end. The end is the \
            deadline for lifting it; an unlifted measure past its end is OVERDUE in `vaktlogg measures` and is \
            escalated by `vaktlogg escalate`. For security coordinators of the unit.
            """,
        subcommands: [Add.self, Review.self, Lift.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Registrer et fellestiltak.",
            discussion: """
                --ends takes a date (YYYY-MM-DD: in force through that day, Oslo time) or a time \
                (YYYY-MM-DD HH:MM, Oslo time, or RFC 3339); --starts likewise (default: now). \
                --json prints {"id", "unit", "starts_at", "ends_at"}.
                """)
        @Option(help: ArgumentHelp("Enhet (standard: din hjemmeenhet).", valueName: "CODE")) var unit: String?
        @Option(help: ArgumentHelp("Type tiltak.", valueName: "TYPE")) var type: MeasureType
        @Option(help: ArgumentHelp("Interessen tiltaket beskytter.", valueName: "INTEREST")) var purpose: Interest
        @Option(help: ArgumentHelp("Hva tiltaket går ut på.", valueName: "TEXT")) var text: String
        @Option(help: ArgumentHelp("Hvorfor det gjelder alle innsatte ved enheten.", valueName: "TEXT")) var justification: String
        @Option(help: ArgumentHelp("Fra når (standard: nå).", valueName: "TIME")) var starts: String?
        @Option(help: ArgumentHelp("Til når, senest (påkrevd).", valueName: "DATE|TIME")) var ends: String
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let now = Date()
            guard let endsAt = Self.time(ends, now: now, endOfDay: true) else {
                CLI.fail(FollowUpText.badTime(field: "--ends", input: ends), language: l)
                throw ExitStatus.usage
            }
            var startsAt: Date?
            if let starts {
                guard let s = Self.time(starts, now: now, endOfDay: false) else {
                    CLI.fail(FollowUpText.badTime(field: "--starts", input: starts), language: l)
                    throw ExitStatus.usage
                }
                startsAt = s
            }
            let draft = UnitMeasureDraft(unit: unit, type: type, purpose: purpose, text: text, justification: justification,
                                         startsAt: startsAt, endsAt: endsAt)
            let r = try StoreCommand.run(options) { try StoreSession(connection: $0).unitMeasures.record(draft) }
            if output.json {
                return print(JSONText.encode(["id": r.id, "unit": r.unit, "starts_at": OsloTime.rfc3339(r.startsAt),
                                              "ends_at": OsloTime.rfc3339(r.endsAt)]))
            }
            print(FollowUpText.unitMeasureRecorded(id: r.id, unit: r.unit, ends: OsloTime.format(r.endsAt))(l))
        }

        /// A date (the start of that day, or of the next when `endOfDay`: in force through it) or a time.
        static func time(_ text: String, now: Date, endOfDay: Bool) -> Date? {
            if let day = CalendarDate(text.trimmingCharacters(in: .whitespaces)) {
                let start = day.description + " 00:00"
                guard let midnight = OsloTime.parse(start, now: now) else { return nil }
                return endOfDay ? OsloTime.parse(CalendarDate(dayNumber: day.dayNumber + 1).description + " 00:00", now: now) : midnight
            }
            return OsloTime.parse(text, now: now)
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Gjennomgå et fellestiltak.",
                                                        discussion: "--json prints {\"id\", \"unit_measure_id\"}.")
        @Argument(help: "Fellestiltakets id.") var id: Int64
        @Option(help: ArgumentHelp("Merknad.", valueName: "TEXT")) var note: String?
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let r = try StoreCommand.run(options) { try StoreSession(connection: $0).measureFollowUp.review(.unit, id: id, note: note) }
            if output.json { return print(JSONText.encode(["id": r.id, "unit_measure_id": id])) }
            print(FollowUpText.unitMeasureReviewed(id: id)(options.language))
        }
    }

    struct Lift: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Opphev et fellestiltak (med begrunnelse).",
                                                        discussion: "--json prints {\"id\", \"unit_measure_id\"}.")
        @Argument(help: "Fellestiltakets id.") var id: Int64
        @Option(help: ArgumentHelp("Hvorfor tiltaket oppheves.", valueName: "TEXT")) var reason: String
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let r = try StoreCommand.run(options) { try StoreSession(connection: $0).measureFollowUp.lift(.unit, id: id, reason: reason) }
            if output.json { return print(JSONText.encode(["id": r.id, "unit_measure_id": id])) }
            print(FollowUpText.unitMeasureLifted(id: id)(options.language))
        }
    }
}
