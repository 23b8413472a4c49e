import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg debrief REF --offered|--held|--declined [--note …]`: staff-safety debriefing steps.
struct DebriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract: "Ansattes sikkerhet: emosjonelt etterarbeid tilbudt, gjennomført eller avslått.",
        discussion: """
            After violence or threats against staff or their family, a hostage taking, or a death with staff \
            involved, emotional debriefing is offered (within 24 hours of the report) and held (within 7 days) \
            — product defaults, the rule set may name others. Exactly one of --offered, --held, --declined \
            (the staff member said no; it ends the follow-up as --held does). Overdue steps are escalated by \
            `vaktlogg escalate`; `vaktlogg show REF` lists them. --json prints {"id", "ref", "step"}.
            """)
    @Argument(help: "Referanse.") var ref: String
    @Flag var step: DebriefStepFlag
    @Option(help: ArgumentHelp("Merknad (ingen helseopplysninger).", valueName: "TEXT")) var note: String?
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let s = step.step
        let id = try StoreCommand.run(options) { try StoreSession(connection: $0).debriefings.record(s, on: ref, note: note) }
        if output.json { return print(JSONText.encode(["id": id, "ref": ref, "step": s.rawValue])) }
        print(FollowUpText.debriefingRecorded(ref: ref, step: s.rawValue)(options.language))
    }
}

/// `--offered | --held | --declined`: exactly one (ArgumentParser refuses none or several, exit 64).
enum DebriefStepFlag: String, EnumerableFlag {
    case offered, held, declined

    var step: DebriefingStep { DebriefingStep(rawValue: rawValue) ?? .offered }

    static func help(for value: DebriefStepFlag) -> ArgumentHelp? {
        switch value {
        case .offered: "Etterarbeid er tilbudt."
        case .held: "Etterarbeid er gjennomført."
        case .declined: "Den tilsatte takket nei."
        }
    }
}
