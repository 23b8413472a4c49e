import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg escalate --once`: escalates every passed deadline in the user's units once
/// (domain.md §6). The database makes a repeated or concurrent run append nothing twice.
struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Eskaler passerte frister (én gang).",
        discussion: """
            Appends one `escalated` event for each deadline of an open entry in your units that \
            has passed and was not escalated before (acknowledgement, treatment, closing, review, \
            supervision, assessment, police decision). Running it again, or in several places at \
            once, escalates nothing twice. For security coordinators, integration and admin users. \
            --json prints {"escalated": N}. Exit 0, 77 when your role may not escalate, 69 when the \
            database cannot be reached.
            """)

    @OptionGroup var options: ConnectionOptions

    @Flag(name: .long, help: "Kjør én gang og avslutt.")
    var once = false

    @OptionGroup var output: JSONFlag

    func run() throws {
        let l = options.language
        guard once else {
            CLI.fail(EscalationText.onceRequired, language: l)
            throw ExitStatus.usage
        }
        let count = try StoreCommand.run(options) { try StoreSession(connection: $0).escalation.run() }
        if output.json {
            try StoreCommand.printJSON(["escalated": count])
        } else {
            print(EscalationText.escalated(count)(l))
        }
    }
}
