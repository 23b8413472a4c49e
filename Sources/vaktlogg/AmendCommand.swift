import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg amend REF --reason … [changes]`: append a correction; the original stays as it was.
struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "amend", abstract: "Rett en oppføring (originalen beholdes).")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Hvorfor rettelsen gjøres.", valueName: "TEXT")) var reason: String
    @Option(help: ArgumentHelp("Ny kategori.", valueName: "CODE")) var category: String?
    @Option(help: ArgumentHelp("Ny tekst.", valueName: "TEXT")) var text: String?
    @Option(help: ArgumentHelp("Nytt tidspunkt.", valueName: "TIME")) var occurred: String?
    @Option(help: ArgumentHelp("Nytt område.", valueName: "DOMAIN")) var domain: SecurityDomain?
    @Option(name: .customLong("interest"), help: ArgumentHelp("Interesse å legge til (gjentas).", valueName: "CODE")) var interests: [Interest] = []
    @Option(help: ArgumentHelp("Ny sannsynlighet 1–5.", valueName: "N")) var probability: Int?
    @Option(help: ArgumentHelp("Ny konsekvens 1–5.", valueName: "N")) var consequence: Int?
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        func bad(_ field: String, _ message: LocalizedText) -> ExitCode {
            CLI.reportInvalid(field: field, message, language: language)
        }
        var a = AmendmentDraft(reason: reason)
        a.category = category
        a.text = text
        if let occurred {
            guard let t = OsloTime.parse(occurred) else { throw bad("occurred", InputText.unknownTime(occurred)) }
            a.occurredAt = t
        }
        a.domain = domain
        a.addInterests = interests
        a.probability = probability
        a.consequence = consequence
        let state = try StoreCommand.run(options) { try StoreSession(connection: $0).amendments.amend(ref, a) }
        if output.json { return print(JSONText.encode(EntryJSON.summary(state, now: Date()))) }
        print(EntryText.amended(ref: state.ref, priority: state.priority.rawValue, risk: state.riskScore)(language))
    }
}
