import ArgumentParser
import Foundation
import Rules
import Store
import VaktloggCore
import Postgres

/// `vaktlogg measure REF …`: a measure, checked by the rules (weighting, proportionality,
/// communication) before it is stored. Rejected ones are never stored.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Registrer et tiltak (kontrolleres mot vektingen og forholdsmessigheten).")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Type: isolation, exclusion, search, transfer, restraint, communication_restriction, visit_restriction, extra_control, supportive, other.", valueName: "TYPE"))
    var type: String
    @Option(help: ArgumentHelp("Interessen tiltaket beskytter.", valueName: "INTEREST")) var purpose: String
    @Option(name: .customLong("burden"), help: ArgumentHelp("Interesse tiltaket belaster (gjentas).", valueName: "INTEREST")) var burdens: [String] = []
    @Option(help: ArgumentHelp("Inngripen 0–4.", valueName: "N")) var restrictiveness: Int
    @Option(help: ArgumentHelp("Person tiltaket rettes mot (saksnummer).", valueName: "REF")) var person: String?
    @Option(help: ArgumentHelp("Kommunikasjonsbegrensning: grunnlag (security, practical, technical, other).", valueName: "GROUND")) var ground: String?
    @Option(help: ArgumentHelp("Begrunnelse for avvik fra hovedregel.", valueName: "TEXT")) var justification: String?
    @Option(name: .customLong("rehabilitation-note"), help: ArgumentHelp("Virkning på påvirkningsarbeidet.", valueName: "TEXT")) var rehabilitationNote: String?
    @Option(help: ArgumentHelp("Beskrivelse.", valueName: "TEXT")) var description: String?
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        func bad(_ field: String, _ nb: String, _ en: String) -> ExitCode {
            CLI.reportInvalid(field: field, LocalizedText(nb: nb, en: en), language: language)
        }
        guard let t = MeasureType(rawValue: type) else {
            throw bad("type", "ukjent type; tillatt: \(EntryFlags.list(MeasureType.self))", "unknown type; allowed: \(EntryFlags.list(MeasureType.self))")
        }
        guard let p = Interest(rawValue: purpose) else {
            throw bad("purpose", "ukjent interesse; tillatt: \(EntryFlags.list(Interest.self))", "unknown interest; allowed: \(EntryFlags.list(Interest.self))")
        }
        var b: [Interest] = []
        for x in burdens {
            guard let i = Interest(rawValue: x) else {
                throw bad("burden", "ukjent interesse «\(x)»; tillatt: \(EntryFlags.list(Interest.self))", "unknown interest “\(x)”; allowed: \(EntryFlags.list(Interest.self))")
            }
            b.append(i)
        }
        guard let r = Restrictiveness(rawValue: restrictiveness) else {
            throw bad("restrictiveness", "inngripen er 0–4 (fikk \(restrictiveness))", "restrictiveness is 0–4 (got \(restrictiveness))")
        }
        var draft = MeasureDraft(type: t, purpose: p, burdens: b, restrictiveness: r)
        if let ground {
            guard let g = CommunicationGround(rawValue: ground) else {
                throw bad("ground", "ukjent grunnlag; tillatt: \(EntryFlags.list(CommunicationGround.self))", "unknown ground; allowed: \(EntryFlags.list(CommunicationGround.self))")
            }
            draft.ground = g
        }
        draft.justification = justification
        draft.rehabilitationNote = rehabilitationNote
        draft.description = description
        draft.person = person
        let connection = try options.connect()
        defer { connection.close() }
        let workflow = StoreSession(connection: connection).measures
        var attempt = Result { () throws(StoreError) -> MeasureResult in try workflow.record(draft, on: ref) }
        if case .failure(let error) = attempt, Prompter.isInteractive,
           error.code == "measure_needs_justification" || error.code == "measure_incomplete" {
            // On a terminal, ask for what the rules need instead of failing.
            CLI.stderr(error.formatted(language))
            let prompter = Prompter(language: language)
            if error.code == "measure_needs_justification" {
                draft.justification = prompter.ask(LocalizedText(nb: "Begrunnelse", en: "Justification"))
            } else {
                draft.rehabilitationNote = prompter.ask(LocalizedText(nb: "Virkning på påvirkningsarbeidet", en: "Effect on rehabilitation"))
            }
            let retry = draft
            attempt = Result { () throws(StoreError) -> MeasureResult in try workflow.record(retry, on: ref) }
        }
        let result: MeasureResult
        switch attempt {
        case .success(let r): result = r
        case .failure(let error): throw CLI.report(error, language: language)
        }
        let departures = result.violations.filter(\.justified).map(\.rule.rawValue)
        print(language == .nb
              ? "Tiltak \(result.id) registrert på \(ref) · \(result.isJustifiedDeparture ? "begrunnet avvik fra hovedregel (\(departures.joined(separator: ", ")))" : "tillatt")"
              : "Measure \(result.id) recorded on \(ref) · \(result.isJustifiedDeparture ? "justified departure (\(departures.joined(separator: ", ")))" : "allowed")")
    }
}

/// `vaktlogg decide REF …`: a formal decision; significant ones for public safety must be justified.
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Registrer et vedtak.")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Vedtakets innhold.", valueName: "TEXT")) var text: String
    @Flag(name: .customLong("public-safety"), help: "Vedtaket har betydning for samfunnets trygghet (krever begrunnelse og risikovurdering).")
    var publicSafety = false
    @Option(help: ArgumentHelp("Begrunnelse.", valueName: "TEXT")) var justification: String?
    @Option(name: .customLong("assessment"), help: ArgumentHelp("Id for risikovurdering vedtaket bygger på (gjentas).", valueName: "ID")) var assessments: [Int] = []
    @Option(help: ArgumentHelp("Person vedtaket gjelder (saksnummer).", valueName: "REF")) var person: String?
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        var justification = justification
        if publicSafety, justification == nil, Prompter.isInteractive {
            justification = Prompter(language: language).ask(LocalizedText(nb: "Begrunnelse", en: "Justification"))
        }
        let draft = DecisionDraft(text: text, publicSafetySignificant: publicSafety, justification: justification,
                                  assessments: assessments.map(Int64.init), person: person)
        let id = try StoreCommand.run(options) { try StoreSession(connection: $0).decisions.record(draft, on: ref) }
        print(language == .nb ? "Vedtak \(id) registrert på \(ref)" : "Decision \(id) recorded on \(ref)")
    }
}

/// `vaktlogg assess-person REF …`: an individual risk assessment of a person.
struct AssessPersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assess-person", abstract: "Individuell risikovurdering av en person.")
    @Argument(help: "Personens saksnummer.") var person: String
    @Option(help: ArgumentHelp("Sannsynlighet 1–5.", valueName: "N")) var probability: Int
    @Option(help: ArgumentHelp("Konsekvens 1–5.", valueName: "N")) var consequence: Int
    @Option(help: ArgumentHelp("Sammendrag av vurderingen.", valueName: "TEXT")) var summary: String
    @Option(help: ArgumentHelp("Enhet (standard: din hjemmeenhet).", valueName: "CODE")) var unit: String?
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        let r = try StoreCommand.run(options) {
            try StoreSession(connection: $0).riskAssessments.record(person: person, unit: unit, probability: probability,
                                                              consequence: consequence, summary: summary)
        }
        print(language == .nb
              ? "Risikovurdering \(r.id) av \(person): risiko \(r.score) (\(TraceWords.bandName(r.band.rawValue, nb: true))), gyldig til \(r.validUntil)"
              : "Risk assessment \(r.id) of \(person): risk \(r.score) (\(r.band.rawValue)), valid until \(r.validUntil)")
    }
}
