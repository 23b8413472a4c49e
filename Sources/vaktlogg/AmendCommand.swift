import ArgumentParser
import Foundation
import Store
import VaktloggCore

/// `vaktlogg amend REF --reason … [changes]`: append a correction; the original stays as it was.
struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "amend", abstract: "Rett en oppføring (originalen beholdes).")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Hvorfor rettelsen gjøres.", valueName: "TEXT")) var reason: String
    @Option(help: ArgumentHelp("Ny kategori.", valueName: "CODE")) var category: String?
    @Option(help: ArgumentHelp("Ny tekst.", valueName: "TEXT")) var text: String?
    @Option(help: ArgumentHelp("Nytt tidspunkt.", valueName: "TIME")) var occurred: String?
    @Option(help: ArgumentHelp("Nytt område.", valueName: "DOMAIN")) var domain: String?
    @Option(name: .customLong("interest"), help: ArgumentHelp("Interesse å legge til (gjentas).", valueName: "CODE")) var interests: [String] = []
    @Option(help: ArgumentHelp("Ny sannsynlighet 1–5.", valueName: "N")) var probability: Int?
    @Option(help: ArgumentHelp("Ny konsekvens 1–5.", valueName: "N")) var consequence: Int?
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        func bad(_ field: String, _ nb: String, _ en: String) -> ExitCode {
            CLI.reportInvalid(field: field, LocalizedText(nb: nb, en: en), language: language)
        }
        var a = AmendmentDraft(reason: reason)
        a.category = category
        a.text = text
        if let occurred {
            guard let t = OsloTime.parse(occurred) else { throw bad("occurred", "ukjent tidsformat", "unknown time format") }
            a.occurredAt = t
        }
        if let domain {
            guard let d = SecurityDomain(rawValue: domain) else {
                throw bad("domain", "tillatt: \(EntryFlags.list(SecurityDomain.self))", "allowed: \(EntryFlags.list(SecurityDomain.self))")
            }
            a.domain = d
        }
        for i in interests {
            guard let v = Interest(rawValue: i) else {
                throw bad("interest", "ukjent interesse; tillatt: \(EntryFlags.list(Interest.self))", "unknown interest; allowed: \(EntryFlags.list(Interest.self))")
            }
            a.addInterests.append(v)
        }
        a.probability = probability
        a.consequence = consequence
        let state = try StoreCommand.run(options) { try StoreSession(connection: $0).amendments.amend(ref, a) }
        print(language == .nb ? "\(state.ref): rettelse registrert · \(state.priority.rawValue) · risiko \(state.riskScore)"
                              : "\(state.ref): amendment recorded · \(state.priority.rawValue) · risk \(state.riskScore)")
    }
}
