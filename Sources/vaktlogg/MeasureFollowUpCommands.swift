import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg measure REF …` (record, the default), `measure review ID`, `measure lift ID`.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Tiltak: registrer (standard), gjennomgå eller opphev.",
        discussion: """
            `vaktlogg measure REF --type …` records a measure on entry REF (the same as `measure record REF …`). \
            A restrictive measure (level 2–4) is due for review when it is decided: level 4 within 24 hours, \
            3 within 7 days, 2 within 30 days (product defaults; the rule set may name others). `measure review ID` \
            records a review (the next one is due a full period later); `measure lift ID --reason …` ends the \
            measure. Both are for security coordinators of the measure's unit; a lifted measure is neither \
            reviewed nor lifted again. `vaktlogg measures` lists measures over time.
            """,
        subcommands: [MeasureRecordCommand.self, MeasureReviewCommand.self, MeasureLiftCommand.self],
        defaultSubcommand: MeasureRecordCommand.self)
}

/// `vaktlogg measure review ID [--note …]`.
struct MeasureReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Gjennomgå et tiltak (det står ved lag).",
        discussion: "--json prints {\"id\", \"measure_id\", \"next_review_due\"}. Exit 65 for a lifted or unknown measure, 77 for a role that may not review.")
    @Argument(help: "Tiltakets id (fra `vaktlogg measures`).") var id: Int64
    @Option(help: ArgumentHelp("Merknad til gjennomgangen.", valueName: "TEXT")) var note: String?
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let l = options.language
        let r = try StoreCommand.run(options) { try StoreSession(connection: $0).measureFollowUp.review(.person, id: id, note: note) }
        if output.json {
            return print(JSONText.encode(["id": r.id, "measure_id": id,
                                          "next_review_due": r.nextReviewDue.map { OsloTime.rfc3339($0) as Any } ?? NSNull()]))
        }
        print(FollowUpText.reviewed(id: id, nextDue: r.nextReviewDue.map(OsloTime.format))(l))
    }
}

/// `vaktlogg measure lift ID --reason …`.
struct MeasureLiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lift", abstract: "Opphev et tiltak (med begrunnelse).",
        discussion: "--json prints {\"id\", \"measure_id\"}. Exit 65 for a blank reason or a measure already lifted.")
    @Argument(help: "Tiltakets id (fra `vaktlogg measures`).") var id: Int64
    @Option(help: ArgumentHelp("Hvorfor tiltaket oppheves.", valueName: "TEXT")) var reason: String
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let l = options.language
        let r = try StoreCommand.run(options) { try StoreSession(connection: $0).measureFollowUp.lift(.person, id: id, reason: reason) }
        if output.json { return print(JSONText.encode(["id": r.id, "measure_id": id])) }
        print(FollowUpText.lifted(id: id)(l))
    }
}
