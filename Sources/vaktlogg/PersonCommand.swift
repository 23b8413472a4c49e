import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg person flag REF …`: a person's flags (forvaring, infoflyt, remand_restricted).
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Personer: flagg (forvaring, INFOFLYT, varetekt med restriksjoner).",
        subcommands: [Flag.self])

    /// Sets or lifts a flag (security coordinators and administrators), or shows the flags in force.
    struct Flag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sett eller opphev et flagg på en person, eller vis flaggene (lesingen logges).",
            discussion: """
                With --set or --lift (and --reason) the change is appended, never edited; only a security \
                coordinator of the unit (or an administrator) may change flags. Without them the flags in force \
                are shown under a logged read. An incident or threat event involving an infoflyt person needs a \
                police decision; a leave, transfer to lower security or release of a person flagged forvaring or \
                infoflyt is always significant for public safety. --json prints {"person","flag","action","id"} \
                or {"person","flags"}. Exit 65 bad data, 77 not permitted, 69 database unreachable.
                """)

        @Argument(help: ArgumentHelp("Personens saksnummer.", valueName: "REF")) var person: String
        @Option(help: ArgumentHelp("Sett flagget.", valueName: "FLAG")) var set: PersonFlag?
        @Option(help: ArgumentHelp("Opphev flagget.", valueName: "FLAG")) var lift: PersonFlag?
        @Option(help: ArgumentHelp("Begrunnelse for endringen.", valueName: "TEXT")) var reason: String?
        @Option(help: ArgumentHelp("Enhet (standard: din hjemmeenhet).", valueName: "CODE")) var unit: String?
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func validate() throws {
            let l = options.language
            if set != nil && lift != nil { throw ValidationError(PersonFlagText.setOrLift(l)) }
            if (set != nil || lift != nil) && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError(PersonFlagText.reasonRequired(l))
            }
            if set == nil && lift == nil && reason != nil { throw ValidationError(PersonFlagText.setOrLift(l)) }
        }

        func run() throws {
            let l = options.language
            if let flag = set ?? lift {
                let id = try StoreCommand.run(options) {
                    try StoreSession(connection: $0).personFlags.change(person: person, flag: flag, set: set != nil,
                                                                     reason: reason ?? "", unit: unit)
                }
                if output.json {
                    return print(JSONText.encode(["person": person, "flag": flag.rawValue, "action": set != nil ? "set" : "lift", "id": id]))
                }
                return print(PersonFlagText.changed(person: person, flag: flag, set: set != nil, id: id)(l))
            }
            let flags = try StoreCommand.run(options) { try StoreSession(connection: $0).personFlags.current(person: person, unit: unit) }
            if output.json { return print(JSONText.encode(["person": person, "flags": flags.map(\.rawValue)])) }
            print(PersonFlagText.current(person: person, flags: flags)(l))
        }
    }
}
