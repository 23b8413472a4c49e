import ArgumentParser
import Foundation
import Store
import VaktloggCore
import Postgres

/// `vaktlogg seed --demo`: fill an empty database with the demonstration data set.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Legg inn demodata i en tom database (kjøres som databaseeier).")
    @Flag(help: "Realistiske demodata: regioner, enheter, brukere og noen måneders historikk.") var demo = false
    @Flag(name: .customLong("if-empty"), help: "Gjør ingenting (exit 0) når databasen allerede har oppføringer.") var ifEmpty = false
    @Option(help: ArgumentHelp("Hvor mange dager historikken skal dekke (standard 90).", valueName: "N")) var days = 90
    @OptionGroup var options: ConnectionOptions

    func validate() throws {
        guard demo else { throw ValidationError("oppgi --demo (only the demonstration data set exists)") }
        guard (1...730).contains(days) else { throw ValidationError("--days must be 1–730") }
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
            print(language == .nb ? "Databasen har allerede oppføringer; demodata ikke lagt inn." : "The database already holds entries; no demo data added.")
            return
        }
        let summary = try CLI.perform(language: language) { try seeder.seed(days: days) }
        print(language == .nb
              ? "Demodata lagt inn: \(summary.units) enheter, \(summary.users) brukere, \(summary.entries) oppføringer, \(summary.events) hendelser i livsløpet."
              : "Demo data seeded: \(summary.units) units, \(summary.users) users, \(summary.entries) entries, \(summary.events) lifecycle events.")
        if case .embedded = options.target.location {
            print(language == .nb
                  ? "Prøv: vaktlogg list --user kari.lund   (sikkerhetsleder, Bjørkvik og Fjellheim)"
                  : "Try: vaktlogg list --user kari.lund   (security coordinator, Bjørkvik and Fjellheim)")
        }
    }
}
