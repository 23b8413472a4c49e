import ArgumentParser
import Foundation
import Store
import VaktloggCore
import Postgres
import VaktloggText

/// `vaktlogg seed --demo` (a small demonstration set, written through the workflows) or
/// `vaktlogg seed --synthetic --entries N` (a large generated set loaded with COPY).
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Legg inn demodata eller syntetiske data i en tom database (kjøres som databaseeier).",
        discussion: """
            --synthetic generates --entries N entries over --years (default 5) in --units (default 60) \
            units SYN01…, ending at --until (default today), with every kind and category, lifecycles \
            with deadlines met and missed, escalations, amendments, persons, assessments, measures and \
            decisions; the same --seed, size and --until give the same content (the content hash \
            printed at the end). It needs a superuser and an empty database; `vaktlogg verify` passes \
            afterwards. --json prints {"entries","rows","units","users","seconds","rows_per_second","content_hash"}.
            """)
    @Flag(help: "Realistiske demodata: regioner, enheter, brukere og noen måneders historikk.") var demo = false
    @Flag(help: "Store syntetiske data for ytelsestester (COPY).") var synthetic = false
    @Flag(name: .customLong("if-empty"), help: "Gjør ingenting (exit 0) når databasen allerede har oppføringer.") var ifEmpty = false
    @Option(help: ArgumentHelp("Hvor mange dager historikken skal dekke (standard 90).", valueName: "N")) var days = 90
    @Option(help: ArgumentHelp("Antall oppføringer (--synthetic).", valueName: "N")) var entries: Int?
    @Option(help: ArgumentHelp("Antall enheter (--synthetic, standard 60).", valueName: "U")) var units: Int?
    @Option(help: ArgumentHelp("År med historikk (--synthetic, standard 5).", valueName: "Y")) var years: Int?
    @Option(help: ArgumentHelp("Frø for generatoren (--synthetic, standard 1).", valueName: "S")) var seed: UInt64?
    @Option(help: ArgumentHelp("Siste dag i historikken, ÅÅÅÅ-MM-DD (--synthetic, standard i dag).", valueName: "DATE")) var until: String?
    @OptionGroup var json: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func validate() throws {
        let l = options.language
        guard demo != synthetic else { throw ValidationError(SyntheticText.chooseOne(l)) }
        if demo {
            guard entries == nil, units == nil, years == nil, seed == nil, until == nil else {
                throw ValidationError(SyntheticText.syntheticOnly(l))
            }
            guard (1...730).contains(days) else { throw ValidationError(CLIText.seedDays(l)) }
            return
        }
        guard let entries, (1...100_000_000).contains(entries) else { throw ValidationError(SyntheticText.entriesRequired(l)) }
        guard (1...99).contains(units ?? 60) else { throw ValidationError(SyntheticText.unitsRange(l)) }
        guard (1...30).contains(years ?? 5) else { throw ValidationError(SyntheticText.yearsRange(l)) }
        if let until { guard untilDate(until) != nil else { throw ValidationError(SyntheticText.untilInvalid(l)) } }
    }

    /// The end of day `text` in Oslo, or nil when it is not a date or lies ahead.
    func untilDate(_ text: String) -> Date? {
        guard let day = CalendarDate(text), let last = OsloTime.parse("\(day.description) 23:59") else { return nil }
        let end = last.addingTimeInterval(59)
        return end <= Date().addingTimeInterval(86_400) ? min(end, Date()) : nil
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
        if synthetic { return try runSynthetic(owner, language: language) }
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

    func runSynthetic(_ owner: Postgres.Connection, language: Language) throws {
        let seeder = SyntheticSeeder(owner: owner)
        if ifEmpty, try CLI.perform(language: language, { try DemoSeeder(owner: owner).hasEntries() }) {
            print(CLIText.seedNotEmpty(language))
            return
        }
        let end = until.flatMap(untilDate) ?? Date()
        let request = SyntheticOptions(entries: entries ?? 0, units: units ?? 60, years: years ?? 5, seed: seed ?? 1,
                                       until: Date(timeIntervalSince1970: end.timeIntervalSince1970.rounded(.down)))
        let tty = isatty(STDERR_FILENO) == 1
        let summary = try CLI.perform(language: language) {
            try seeder.seed(request) { done, total in
                guard tty else { return }
                let width = 30, filled = total == 0 ? width : done * width / total
                let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
                FileHandle.standardError.write(Data(("\r" + SyntheticText.progress(done: done, total: total, bar: bar)(language)).utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            }
        }
        if json.json {
            print(try StoreJSON.text(summary, pretty: true))
        } else {
            print(SyntheticText.seeded(entries: summary.entries, rows: summary.rows.values.reduce(0, +), units: summary.units,
                                       seconds: summary.seconds, rate: summary.rowsPerSecond, hash: summary.contentHash)(language))
        }
    }
}
