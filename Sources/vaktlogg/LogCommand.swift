import ArgumentParser
import Foundation
import Rules
import Store
import VaktloggCore
import Postgres

/// `vaktlogg log incident|deviation|manipulation|threat`: log an entry in seconds.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Før en hendelse, et avvik, en manipulasjonsrapport eller en trusselhendelse.",
        discussion: """
            Exit 0 logged, 64 usage, 65 bad data (nothing written), 69 database unreachable (the entry \
            is spooled locally; deliver it with `vaktlogg sync`), 77 not permitted.
            """,
        subcommands: [Incident.self, Deviation.self, Manipulation.self, Threat.self]
    )

    struct Incident: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Før en uønsket hendelse.")
        @OptionGroup var entry: EntryFlags
        @OptionGroup var output: LogOutput
        @OptionGroup var options: ConnectionOptions
        func run() throws { try LogRunner(kind: .incident, entry: entry, output: output, options: options).run() }
    }

    struct Deviation: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Før et avvik.")
        @OptionGroup var entry: EntryFlags
        @OptionGroup var output: LogOutput
        @OptionGroup var options: ConnectionOptions
        func run() throws { try LogRunner(kind: .deviation, entry: entry, output: output, options: options).run() }
    }

    struct Manipulation: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rapporter manipulering av tilsatte (melderen skjermes).")
        @OptionGroup var entry: EntryFlags
        @OptionGroup var output: LogOutput
        @OptionGroup var options: ConnectionOptions
        func run() throws { try LogRunner(kind: .manipulation, entry: entry, output: output, options: options).run() }
    }

    struct Threat: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Før en trusselhendelse.")
        @OptionGroup var entry: EntryFlags
        @OptionGroup var output: LogOutput
        @OptionGroup var options: ConnectionOptions
        func run() throws { try LogRunner(kind: .threat, entry: entry, output: output, options: options).run() }
    }
}

/// `--json`: read the entry from standard input and answer in JSON.
struct LogOutput: ParsableArguments {
    @Flag(help: "Les hele oppføringen som JSON fra standard inn og svar med JSON.")
    var json = false
}

/// The shared body of the four `log` subcommands.
struct LogRunner {
    let kind: EntryKind
    let entry: EntryFlags
    let output: LogOutput
    let options: ConnectionOptions

    func run() throws {
        let language = options.language
        let now = Date()
        var draft = try readDraft(now: now, language: language)
        // Fixed before the first attempt, so a spooled entry keeps the time it was reported and is
        // stored once however often delivery is tried.
        draft.reportedAt = draft.reportedAt ?? now
        draft.idempotencyKey = draft.idempotencyKey ?? UUID()
        let problems = draft.validationErrors(now: now)
        if !problems.isEmpty {
            for p in problems.dropLast() { _ = CLI.report(StoreError(p), language: language) }
            throw CLI.report(StoreError(problems.last!), language: language)
        }
        let spool = Spool(directory: options.spoolDirectory)
        let logged: LoggedEntry
        do {
            let connection = try options.target.connect(logger: options.logger)
            defer { connection.close() }
            logged = try StoreSession(connection: connection, clock: .fixed(now)).entries.log(draft)
        } catch let error as StoreError where error.code == .loginRefused {
            // A refused login is not an outage: nothing is queued under an account that may not write.
            throw CLI.report(error, language: language)
        } catch let error as StoreError where error.code == .databaseUnavailable {
            try spoolEntry(draft, spool: spool, reason: error.arguments["detail"] ?? "", language: language)
            throw ExitCode(69)
        } catch let error as StoreError where error.category == .unavailable {
            try spoolEntry(draft, spool: spool, reason: error.message(language), language: language)
            throw ExitCode(69)
        } catch let error as StoreError {
            throw CLI.report(error, language: language)
        }
        print(output.json ? LogText.json(logged) : LogText.human(logged)(language))
        SpoolReminder.remind(spool, language: language)
    }

    private func readDraft(now: Date, language: Language) throws -> EntryDraft {
        if output.json {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            do throws(VaktloggCore.ValidationError) {
                var draft = try EntryDraft.decode(json: data)
                if draft.kind != kind {
                    throw VaktloggCore.ValidationError(code: .inconsistent, field: "kind", message: LocalizedText(
                        nb: "JSON sier \(draft.kind.rawValue), kommandoen \(kind.rawValue)",
                        en: "the JSON says \(draft.kind.rawValue), the command \(kind.rawValue)"))
                }
                draft.kind = kind
                return draft
            } catch {
                throw CLI.report(StoreError(error), language: language)
            }
        }
        var (draft, errors) = entry.draft(kind: kind, now: now)
        if !errors.isEmpty {
            for e in errors.dropLast() { _ = CLI.report(StoreError(e), language: language) }
            throw CLI.report(StoreError(errors.last!), language: language)
        }
        if Prompter.isInteractive { askForMissing(&draft, language: language) }
        return draft
    }

    private func askForMissing(_ d: inout EntryDraft, language: Language) {
        let p = Prompter(language: language)
        if d.category.isEmpty, let v = p.ask(LocalizedText(nb: "Kategori", en: "Category"), allowed: kind.categoryCodes) {
            d.category = v
        }
        if d.text.trimmingCharacters(in: .whitespaces).isEmpty, let v = p.ask(LocalizedText(nb: "Beskrivelse", en: "Description")) {
            d.text = v
        }
        let scale = (1...5).map(String.init)
        if d.probability == nil, let v = p.ask(LocalizedText(nb: "Sannsynlighet", en: "Probability"), allowed: scale) {
            d.probability = Int(v)
        }
        if d.consequence == nil, let v = p.ask(LocalizedText(nb: "Konsekvens", en: "Consequence"), allowed: scale) {
            d.consequence = Int(v)
        }
        if kind == .manipulation {
            if d.target == nil, let v = p.ask(LocalizedText(nb: "Mål", en: "Target"), allowed: ManipulationTarget.allCases.map(\.rawValue)) {
                d.target = ManipulationTarget(rawValue: v)
            }
            if d.inWorkingHours == nil, let v = p.ask(LocalizedText(nb: "I arbeidstid (ja/nei)", en: "In working hours (yes/no)"),
                                                       allowed: language == .nb ? ["ja", "nei"] : ["yes", "no"]) {
                d.inWorkingHours = (v == "ja" || v == "yes")
            }
        }
        if kind == .threat, d.source == nil,
           let v = p.ask(LocalizedText(nb: "Kilde", en: "Source"), allowed: ThreatSource.allCases.map(\.rawValue)) {
            d.source = ThreatSource(rawValue: v)
        }
    }

    private func spoolEntry(_ draft: EntryDraft, spool: Spool, reason: String, language: Language) throws {
        do {
            let user: String? = if case .embedded = options.target.location { options.target.user } else { nil }
            try spool.write(draft, user: user)
        } catch {
            CLI.stderr(language == .nb
                ? "vaktlogg: databasen kan ikke nås, og oppføringen kunne IKKE lagres lokalt (\(error)). Noter den på papir."
                : "vaktlogg: the database cannot be reached and the entry could NOT be saved locally (\(error)). Write it down on paper.")
            throw ExitCode(70)
        }
        CLI.stderr(language == .nb
            ? "vaktlogg: databasen kan ikke nås (\(reason)). Oppføringen er lagret lokalt i køen og leveres med `vaktlogg sync`."
            : "vaktlogg: the database cannot be reached (\(reason)). The entry is saved locally in the spool; deliver it with `vaktlogg sync`.")
        SpoolReminder.remind(spool, language: language)
    }
}
