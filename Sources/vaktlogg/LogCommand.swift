import ArgumentParser
import Foundation
import Postgres
import Rules
import Store
import VaktloggCore
import VaktloggText
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

/// `--input FILE|-`: the whole entry as JSON from a file or standard input; `--json`: answer in JSON;
/// `--rules FILE`: judge the entry by that rule set (the database refuses one not registered).
struct LogOutput: ParsableArguments {
    @Option(help: ArgumentHelp("Les hele oppføringen som JSON fra FILE, eller fra standard inn med -.", valueName: "FILE|-"))
    var input: String?

    @Flag(help: "Svar med JSON.")
    var json = false

    @Option(name: .customLong("rules"), help: ArgumentHelp("Regelfil (JSON) i stedet for standardregelsettet; må være registrert (vaktlogg rules register).", valueName: "FILE"))
    var rulesFile: String?
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
        let engine = RulesEngine(ruleSet: try RulesOptions.activeRuleSet(file: output.rulesFile, language: language).ruleSet)
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
            logged = try StoreSession(connection: connection, engine: engine, clock: .fixed(now)).entries.log(draft)
        } catch let error as StoreError where error.code == .loginRefused {
            // A refused login is not an outage: nothing is queued under an account that may not write.
            throw CLI.report(error, language: language)
        } catch let error as StoreError where error.category == .unavailable {
            try spoolEntry(draft, spool: spool, reason: error.arguments["detail"] ?? error.message(language), language: language)
            throw ExitStatus.unavailable
        } catch let error as StoreError {
            throw CLI.report(error, language: language)
        } catch let error as PostgresError {
            // Store maps what it raises; a raw PostgresError here is a refusal or a fault — or an
            // outage that surfaced outside the Store's mapping, which still goes to the spool.
            let mapped = StoreError(error)
            if mapped.category == .unavailable && mapped.code != .loginRefused {
                try spoolEntry(draft, spool: spool, reason: mapped.arguments["detail"] ?? "", language: language)
                throw ExitStatus.unavailable
            }
            throw CLI.report(mapped, language: language)
        } catch {
            // Whatever else went wrong ends in a documented exit status (70), never ArgumentParser's 1.
            throw CLI.report(StoreError.unexpected(.internal, ["type": "\(type(of: error))"]), language: language)
        }
        print(output.json ? LogText.json(logged) : LogText.human(logged)(language))
        SpoolReminder.remind(spool, language: language)
    }

    private func readDraft(now: Date, language: Language) throws -> EntryDraft {
        if let input = output.input {
            // --input is the whole entry; a flag beside it would be silently ignored, so refuse both.
            let conflicting = entry.given
            if !conflicting.isEmpty {
                CLI.fail(InputText.inputWithFlags(conflicting.joined(separator: ", ")), language: language)
                throw ExitStatus.usage
            }
            let data: Data
            if input == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else if let read = FileManager.default.contents(atPath: input) {
                data = read
            } else {
                CLI.fail(InputText.cannotReadInput(input), language: language)
                throw ExitStatus.usage
            }
            do throws(VaktloggCore.ValidationError) {
                var draft = try EntryDraft.decode(json: data)
                if draft.kind != kind {
                    throw VaktloggCore.ValidationError(code: .inconsistent, field: "kind", message: InputText.kindMismatch(input: draft.kind.rawValue, command: kind.rawValue))
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
        if d.category.isEmpty, let v = p.ask(InputText.askCategory, allowed: kind.categoryCodes) {
            d.category = v
        }
        if d.text.trimmingCharacters(in: .whitespaces).isEmpty, let v = p.ask(InputText.askDescription) {
            d.text = v
        }
        let scale = (1...5).map(String.init)
        if d.probability == nil, let v = p.ask(InputText.askProbability, allowed: scale) {
            d.probability = Int(v)
        }
        if d.consequence == nil, let v = p.ask(InputText.askConsequence, allowed: scale) {
            d.consequence = Int(v)
        }
        if kind == .manipulation {
            if d.target == nil, let v = p.ask(InputText.askTarget, allowed: ManipulationTarget.allCases.map(\.rawValue)) {
                d.target = ManipulationTarget(rawValue: v)
            }
            if d.inWorkingHours == nil, let v = p.ask(InputText.askWorkingHours,
                                                       allowed: InputText.yesNo(language)) {
                d.inWorkingHours = (v == "ja" || v == "yes")
            }
        }
        if kind == .threat, d.source == nil,
           let v = p.ask(InputText.askSource, allowed: ThreatSource.allCases.map(\.rawValue)) {
            d.source = ThreatSource(rawValue: v)
        }
    }

    private func spoolEntry(_ draft: EntryDraft, spool: Spool, reason: String, language: Language) throws {
        do {
            let user: String? = if case .embedded = options.target.location { options.target.user } else { nil }
            try spool.write(draft, user: user)
        } catch {
            CLI.fail(CLIText.notSpooled("\(error)"), language: language)
            throw ExitStatus.internal
        }
        CLI.fail(CLIText.spooled(reason: reason), language: language)
        SpoolReminder.remind(spool, language: language)
    }
}
