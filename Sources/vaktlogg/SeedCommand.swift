import ArgumentParser
import Foundation
import Store
import VaktloggCore
import Postgres
import VaktloggText

/// `vaktlogg seed --demo`: fill an empty database with the demonstration data set.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Legg inn demodata i en tom database (kjøres som databaseeier).")
    @Flag(help: "Realistiske demodata: regioner, enheter, brukere og noen måneders historikk.") var demo = false
    @Flag(name: .customLong("if-empty"), help: "Gjør ingenting (exit 0) når databasen allerede har oppføringer.") var ifEmpty = false
    @Option(help: ArgumentHelp("Hvor mange dager historikken skal dekke (standard 90).", valueName: "N")) var days = 90
    @OptionGroup var options: ConnectionOptions

    func validate() throws {
        let l = options.language
        guard demo else { throw ValidationError(CLIText.seedNeedsDemo(l)) }
        guard (1...730).contains(days) else { throw ValidationError(CLIText.seedDays(l)) }
    }

    func run() throws {
        let language = options.language
        let owner: Postgres.Connection
        do {
            owner = try options.target.connectOwner(logger: options.logger)
        } catch let error as StoreError {
            throw CLI.report(error, language: language)
        }
        defer { owner.close() }
        let seeder = DemoSeeder(owner: owner)
        if ifEmpty, try CLI.perform(language: language, { try seeder.hasEntries() }) {
            print(CLIText.seedNotEmpty(language))
            return
        }
        let summary = try CLI.perform(language: language) { try seeder.seed(days: days) }
        print(CLIText.seeded(units: summary.units, users: summary.users, entries: summary.entries, events: summary.events)(language))
        if case .embedded = options.target.location {
            print(CLIText.seedHint(language))
        }
    }
}
