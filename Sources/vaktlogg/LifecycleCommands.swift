import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText
import Postgres

/// The lifecycle commands share this: connect, record, print the new state.
enum LifecycleRunner {
    static func run(_ events: [LifecycleEvent], ref: String, options: ConnectionOptions, output: JSONFlag,
                    done: LocalizedText) throws {
        let language = options.language
        let state = try StoreCommand.run(options) { try StoreSession(connection: $0).lifecycle.record(events, on: ref) }
        print(output.json ? JSONText.encode(EntryJSON.summary(state, now: Date()))
                          : LifecycleText.done(ref: state.ref, what: done, status: state.status.code)(language))
    }
}

struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Kvitter for en oppføring.")
    @Argument(help: "Referanse, f.eks. OSLO-12.") var ref: String
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.acknowledge], ref: ref, options: options, output: output, done: LifecycleText.acknowledged)
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Tildel en oppføring til en bruker.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Brukernavn.", valueName: "USER")) var to: String
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.assign(to: to)], ref: ref, options: options, output: output, done: LifecycleText.assigned(to))
    }
}

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Legg til en kommentar.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Kommentar.", valueName: "TEXT")) var text: String
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.comment(text)], ref: ref, options: options, output: output, done: LifecycleText.commented)
    }
}

struct TreatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "treat", abstract: "Avvik: årsaksanalyse (--cause) og/eller besluttet tiltak (--measure, --responsible, --due).")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Årsaksanalyse.", valueName: "TEXT")) var cause: String?
    @Option(help: ArgumentHelp("Besluttet tiltak.", valueName: "TEXT")) var measure: String?
    @Option(help: ArgumentHelp("Ansvarlig bruker for tiltaket.", valueName: "USER")) var responsible: String?
    @Option(help: ArgumentHelp("Frist for tiltaket (ÅÅÅÅ-MM-DD).", valueName: "DATE")) var due: String?
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        var events: [LifecycleEvent] = []
        if let cause { events.append(.startTreatment(cause: cause)) }
        if measure != nil || responsible != nil || due != nil {
            guard let measure, let responsible, let due else {
                throw CLI.reportInvalid(field: "measure", LifecycleText.measureIncomplete, language: language)
            }
            guard let date = CalendarDate(due) else {
                throw CLI.reportInvalid(field: "due", LifecycleText.dateFormat, language: language)
            }
            events.append(.decideMeasure(measure: measure, responsible: responsible, due: date))
        }
        guard !events.isEmpty else {
            throw CLI.reportInvalid(field: "cause", LifecycleText.treatmentNeedsSomething,
                language: language)
        }
        try LifecycleRunner.run(events, ref: ref, options: options, output: output, done: LifecycleText.treatmentRecorded)
    }
}

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Lukk en oppføring (avvik: med verifisering av at tiltaket virker).")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Avvik: hvordan det er verifisert at tiltaket virker.", valueName: "TEXT")) var verification: String?
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        var verification = verification
        if verification == nil, Prompter.isInteractive, ref.isEmpty == false {
            // Only deviations need it; the database refuses a deviation without, so ask up front on a terminal.
            let connection = try options.connect()
            let kind = try? EntryRepository(connection: connection).summary(ref: ref).kind
            connection.close()
            if kind == .deviation {
                verification = Prompter(language: options.language).ask(LifecycleText.askVerification)
            }
        }
        try LifecycleRunner.run([.close(verification: verification)], ref: ref, options: options, output: output, done: LifecycleText.closed)
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Gjenåpne en lukket oppføring.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Begrunnelse.", valueName: "TEXT")) var reason: String
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.reopen(reason: reason)], ref: ref, options: options, output: output, done: LifecycleText.reopened)
    }
}

struct SupervisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "supervision", abstract: "Manipulasjon: veiledning tilbudt eller gjennomført.")
    @Argument(help: "Referanse.") var ref: String
    @Flag var step: SupervisionStep
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        switch step {
        case .offered: try LifecycleRunner.run([.supervisionOffered], ref: ref, options: options, output: output, done: LifecycleText.supervisionOffered)
        case .held: try LifecycleRunner.run([.supervisionHeld], ref: ref, options: options, output: output, done: LifecycleText.supervisionHeld)
        }
    }
}

/// `supervision --offered | --held`: exactly one (ArgumentParser refuses none or both, exit 64).
enum SupervisionStep: String, EnumerableFlag {
    case offered, held

    static func help(for value: SupervisionStep) -> ArgumentHelp? {
        value == .offered ? "Veiledning er tilbudt." : "Veiledning er gjennomført."
    }
}

struct AssessThreatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assess-threat", abstract: "Trussel: gradering og risikovurdering.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Kildens pålitelighet A–F.", valueName: "A-F")) var source: SourceReliability
    @Option(help: ArgumentHelp("Informasjonens troverdighet 1–6.", valueName: "1-6")) var credibility: InformationCredibility
    @Option(help: ArgumentHelp("Sannsynlighet 1–5.", valueName: "N")) var probability: Int
    @Option(help: ArgumentHelp("Konsekvens 1–5.", valueName: "N")) var consequence: Int
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.assessThreat(source: source, credibility: credibility, probability: probability, consequence: consequence)],
                                ref: ref, options: options, output: output, done: LifecycleText.assessed)
    }
}

struct PoliceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "police", abstract: "Trussel: beslutning om å informere politiet.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Beslutningen.", valueName: "DECISION")) var decision: PoliceDecision
    @Option(help: ArgumentHelp("Begrunnelse.", valueName: "TEXT")) var justification: String
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.policeDecision(inform: decision == .inform, justification: justification)], ref: ref, options: options, output: output,
                                done: LifecycleText.policeDecisionRecorded)
    }
}
