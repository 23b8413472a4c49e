import ArgumentParser
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg shift start|note|handover|accept|show`: the shift log (vaktlogg) with handover.
///
/// The unit defaults to the user's home unit. Each row records who and when (set by the
/// database). A handover stores a summary of the unit's open and overdue entries and the shift's
/// notes; the incoming officer accepts it, which starts their shift. The database refuses
/// accepting your own handover.
struct ShiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shift",
        abstract: "Vaktlogg: start vakt, notater, overlevering og mottak.",
        discussion: "Exit 65 bad data or refused by the log's rules, 77 not permitted in the unit, 69 database unreachable.",
        subcommands: [Start.self, Note.self, Handover.self, Accept.self, Show.self]
    )

    /// `--unit`, shared by the subcommands.
    struct UnitOption: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("Enhet (standard: din hjemmeenhet).", valueName: "CODE"))
        var unit: String?
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start vakten.",
            discussion: "--json prints {\"entry\": row, \"unhanded_shift\": row | null}, rows as `shift handover --json`.")
        @OptionGroup var unit: UnitOption
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let started = try StoreCommand.run(options) { try ShiftLog(connection: $0).start(unit: unit.unit) }
            if output.json { return try StoreCommand.printJSON(started) }
            if let previous = started.unhandedShift { CLI.stderr("vaktlogg: " + ShiftText.unhanded(previous)(l)) }
            print(ShiftText.started(started.entry)(l))
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Før et notat i vaktloggen.",
            discussion: "--json prints the stored row as `shift handover --json` does.")
        @Option(name: .long, help: ArgumentHelp("Notatets tekst.", valueName: "TEXT"))
        var text: String
        @OptionGroup var unit: UnitOption
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let note = try StoreCommand.run(options) { try ShiftLog(connection: $0).note(text, unit: unit.unit) }
            if output.json { return try StoreCommand.printJSON(note) }
            print(ShiftText.noted(note)(l))
        }
    }

    struct Handover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Overlever vakten: lagrer og skriver ut en oppsummering av åpne og forfalte saker og vaktens notater.",
            discussion: "--json prints the stored row: {\"id\", \"unit\", \"event\", \"actor\", \"actor_name\", \"at\", \"text\", \"summary\", \"handover_id\"}.")
        @OptionGroup var output: JSONFlag
        @OptionGroup var unit: UnitOption
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let handover = try StoreCommand.run(options) { try ShiftLog(connection: $0).handover(unit: unit.unit) }
            if output.json { return try StoreCommand.printJSON(handover) }
            print(HandoverRender.render(handover, l))
            print("")
            print(ShiftText.waiting(handover.id)(l))
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ta imot en overlevering som innkommende vakthavende (starter din vakt).",
            discussion: "Without --handover: the latest handover waiting in the unit. --json prints {\"accept\": row, \"handover\": row}.")
        @Option(name: .long, help: ArgumentHelp("Overleveringens nummer.", valueName: "ID"))
        var handover: Int64?
        @OptionGroup var unit: UnitOption
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let accepted = try StoreCommand.run(options) {
                try ShiftLog(connection: $0).accept(handover: handover, unit: unit.unit)
            }
            if output.json { return try StoreCommand.printJSON(accepted) }
            print(ShiftText.accepted(accepted.handover)(l))
            print("")
            print(HandoverRender.render(accepted.handover, accept: accepted.accept, l))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vis vaktloggen for gjeldende vakt.",
            discussion: "--json prints an array of rows as `shift handover --json` does.")
        @OptionGroup var output: JSONFlag
        @OptionGroup var unit: UnitOption
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let view = try StoreCommand.run(options) { try ShiftLog(connection: $0).current(unit: unit.unit) }
            if output.json { return try StoreCommand.printJSON(view.entries) }
            print(ShiftText.logTitle(view.unit, view.openShift)(l))
            if view.entries.isEmpty { print(ShiftText.emptyLog(l)) }
            let rows = view.entries.map { e in
                [OsloTime.format(e.at), e.actor, ShiftText.event(e)(l)]
            }
            if !rows.isEmpty { print(TextTable.render(rows[0], Array(rows.dropFirst()))) }
        }
    }
}
