import ArgumentParser
import Foundation
import Store
import VaktloggCore
import Postgres

/// The lifecycle commands share this: connect, record, print the new state.
enum LifecycleRunner {
    static func run(_ events: [LifecycleEvent], ref: String, options: ConnectionOptions, done: LocalizedText) throws {
        let language = options.language
        let state = try StoreCommand.run(options) { try StoreSession(connection: $0).lifecycle.record(events, on: ref) }
        let status = StatusText.name(state.status.code)(language)
        print("\(state.ref): \(done(language)) · status \(status)")
    }
}

struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Kvitter for en oppføring.")
    @Argument(help: "Referanse, f.eks. OSLO-12.") var ref: String
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.acknowledge], ref: ref, options: options, done: LocalizedText(nb: "kvittert", en: "acknowledged"))
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Tildel en oppføring til en bruker.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Brukernavn.", valueName: "USER")) var to: String
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.assign(to: to)], ref: ref, options: options, done: LocalizedText(nb: "tildelt \(to)", en: "assigned to \(to)"))
    }
}

struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Legg til en kommentar.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Kommentar.", valueName: "TEXT")) var text: String
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.comment(text)], ref: ref, options: options, done: LocalizedText(nb: "kommentert", en: "commented"))
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
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        var events: [LifecycleEvent] = []
        if let cause { events.append(.startTreatment(cause: cause)) }
        if measure != nil || responsible != nil || due != nil {
            guard let measure, let responsible, let due else {
                throw CLI.reportInvalid(field: "measure", LocalizedText(
                    nb: "et tiltak krever --measure, --responsible og --due", en: "a measure needs --measure, --responsible and --due"),
                    language: language)
            }
            guard let date = CalendarDate(due) else {
                throw CLI.reportInvalid(field: "due", LocalizedText(
                    nb: "dato skrives ÅÅÅÅ-MM-DD", en: "a date is written YYYY-MM-DD"), language: language)
            }
            events.append(.decideMeasure(measure: measure, responsible: responsible, due: date))
        }
        guard !events.isEmpty else {
            throw CLI.reportInvalid(field: "cause", LocalizedText(
                nb: "oppgi --cause og/eller --measure/--responsible/--due", en: "give --cause and/or --measure/--responsible/--due"),
                language: language)
        }
        try LifecycleRunner.run(events, ref: ref, options: options, done: LocalizedText(nb: "behandling registrert", en: "treatment recorded"))
    }
}

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Lukk en oppføring (avvik: med verifisering av at tiltaket virker).")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Avvik: hvordan det er verifisert at tiltaket virker.", valueName: "TEXT")) var verification: String?
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        var verification = verification
        if verification == nil, Prompter.isInteractive, ref.isEmpty == false {
            // Only deviations need it; the database refuses a deviation without, so ask up front on a terminal.
            let connection = try options.connect()
            let kind = try? EntryRepository(connection: connection).summary(ref: ref).kind
            connection.close()
            if kind == .deviation {
                verification = Prompter(language: options.language).ask(LocalizedText(
                    nb: "Verifisering av at tiltaket virker", en: "Verification that the measure works"))
            }
        }
        try LifecycleRunner.run([.close(verification: verification)], ref: ref, options: options, done: LocalizedText(nb: "lukket", en: "closed"))
    }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Gjenåpne en lukket oppføring.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Begrunnelse.", valueName: "TEXT")) var reason: String
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        try LifecycleRunner.run([.reopen(reason: reason)], ref: ref, options: options, done: LocalizedText(nb: "gjenåpnet", en: "reopened"))
    }
}

struct SupervisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "supervision", abstract: "Manipulasjon: veiledning tilbudt eller gjennomført.")
    @Argument(help: "Referanse.") var ref: String
    @Flag(help: "Veiledning er tilbudt.") var offered = false
    @Flag(help: "Veiledning er gjennomført.") var held = false
    @OptionGroup var options: ConnectionOptions
    func validate() throws {
        if offered == held { throw ValidationError("oppgi enten --offered eller --held (give --offered or --held)") }
    }
    func run() throws {
        try LifecycleRunner.run([offered ? .supervisionOffered : .supervisionHeld], ref: ref, options: options,
                                done: offered ? LocalizedText(nb: "veiledning tilbudt", en: "supervision offered")
                                              : LocalizedText(nb: "veiledning gjennomført", en: "supervision held"))
    }
}

struct AssessThreatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assess-threat", abstract: "Trussel: gradering og risikovurdering.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Kildens pålitelighet A–F.", valueName: "A-F")) var source: String
    @Option(help: ArgumentHelp("Informasjonens troverdighet 1–6.", valueName: "1-6")) var credibility: Int
    @Option(help: ArgumentHelp("Sannsynlighet 1–5.", valueName: "N")) var probability: Int
    @Option(help: ArgumentHelp("Konsekvens 1–5.", valueName: "N")) var consequence: Int
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        let language = options.language
        guard let reliability = SourceReliability(rawValue: source.uppercased()) else {
            throw CLI.reportInvalid(field: "source", LocalizedText(
                nb: "kildens pålitelighet er A–F", en: "source reliability is A–F"), language: language)
        }
        guard let cred = InformationCredibility(rawValue: String(credibility)) else {
            throw CLI.reportInvalid(field: "credibility", LocalizedText(
                nb: "troverdighet er 1–6 (fikk \(credibility))", en: "credibility is 1–6 (got \(credibility))"), language: language)
        }
        try LifecycleRunner.run([.assessThreat(source: reliability, credibility: cred, probability: probability, consequence: consequence)],
                                ref: ref, options: options, done: LocalizedText(nb: "vurdert", en: "assessed"))
    }
}

struct PoliceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "police", abstract: "Trussel: beslutning om å informere politiet.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("inform eller not-inform.", valueName: "DECISION")) var decision: String
    @Option(help: ArgumentHelp("Begrunnelse.", valueName: "TEXT")) var justification: String
    @OptionGroup var options: ConnectionOptions
    func run() throws {
        let d = decision.replacingOccurrences(of: "_", with: "-")
        guard d == "inform" || d == "not-inform" else {
            throw CLI.reportInvalid(field: "decision", LocalizedText(
                nb: "beslutningen er inform eller not-inform", en: "the decision is inform or not-inform"), language: options.language)
        }
        try LifecycleRunner.run([.policeDecision(inform: d == "inform", justification: justification)], ref: ref, options: options,
                                done: LocalizedText(nb: "politibeslutning registrert", en: "police decision recorded"))
    }
}

/// Names of statuses in the user's language.
enum StatusText {
    static func name(_ status: String) -> LocalizedText {
        switch status {
        case "registered": LocalizedText(nb: "registrert", en: "registered")
        case "acknowledged": LocalizedText(nb: "kvittert", en: "acknowledged")
        case "under_treatment": LocalizedText(nb: "under behandling", en: "under treatment")
        case "measure_decided": LocalizedText(nb: "tiltak besluttet", en: "measure decided")
        case "assessed": LocalizedText(nb: "vurdert", en: "assessed")
        case "closed": LocalizedText(nb: "lukket", en: "closed")
        default: LocalizedText(nb: status, en: status)
        }
    }
}
