import ArgumentParser
import Foundation
import Rules
import Store
import VaktloggCore
import VaktloggText
import Postgres

/// `vaktlogg measure [record] REF …`: a measure, checked by the rules (weighting, proportionality,
/// communication) before it is stored. Rejected ones are never stored.
struct MeasureRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Registrer et tiltak (kontrolleres mot vektingen og forholdsmessigheten).")
    @Argument(help: "Referanse.") var ref: String
    @Option(help: ArgumentHelp("Type tiltak.", valueName: "TYPE"))
    var type: MeasureType
    @Option(help: ArgumentHelp("Interessen tiltaket beskytter.", valueName: "INTEREST")) var purpose: Interest
    @Option(name: .customLong("burden"), help: ArgumentHelp("Interesse tiltaket belaster (gjentas).", valueName: "INTEREST")) var burdens: [Interest] = []
    @Option(help: ArgumentHelp("Inngripen 0–4.", valueName: "N")) var restrictiveness: Restrictiveness
    @Option(help: ArgumentHelp("Person tiltaket rettes mot (saksnummer).", valueName: "REF")) var person: String?
    @Option(help: ArgumentHelp("Kommunikasjonsbegrensning: grunnlag.", valueName: "GROUND")) var ground: CommunicationGround?
    @Option(help: ArgumentHelp("Begrunnelse for avvik fra hovedregel.", valueName: "TEXT")) var justification: String?
    @Option(name: .customLong("rehabilitation-note"), help: ArgumentHelp("Virkning på påvirkningsarbeidet.", valueName: "TEXT")) var rehabilitationNote: String?
    @Option(help: ArgumentHelp("Beskrivelse.", valueName: "TEXT")) var description: String?
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        var draft = MeasureDraft(type: type, purpose: purpose, burdens: burdens, restrictiveness: restrictiveness)
        draft.ground = ground
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
                draft.justification = prompter.ask(MeasureText.askJustification)
            } else {
                draft.rehabilitationNote = prompter.ask(MeasureText.askRehabilitationEffect)
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
        if output.json {
            return print(JSONText.encode(["id": result.id, "ref": ref, "outcome": result.storedOutcome,
                                          "justified_departures": departures,
                                          "assessment_id": result.assessmentID.map { $0 as Any } ?? NSNull()]))
        }
        print(MeasureText.recorded(id: result.id, ref: ref, departures: result.isJustifiedDeparture ? departures : nil)(language))
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
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        var justification = justification
        if publicSafety, justification == nil, Prompter.isInteractive {
            justification = Prompter(language: language).ask(MeasureText.askJustification)
        }
        let draft = DecisionDraft(text: text, publicSafetySignificant: publicSafety, justification: justification,
                                  assessments: assessments.map(Int64.init), person: person)
        let id = try StoreCommand.run(options) { try StoreSession(connection: $0).decisions.record(draft, on: ref) }
        if output.json { return print(JSONText.encode(["id": id, "ref": ref])) }
        print(MeasureText.decisionRecorded(id: id, ref: ref)(language))
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
    @OptionGroup var output: JSONFlag
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        let r = try StoreCommand.run(options) {
            try StoreSession(connection: $0).riskAssessments.record(person: person, unit: unit, probability: probability,
                                                              consequence: consequence, summary: summary)
        }
        if output.json {
            return print(JSONText.encode(["id": r.id, "person": person, "risk_score": r.score, "band": r.band.rawValue,
                                          "valid_until": "\(r.validUntil)"]))
        }
        print(MeasureText.assessmentRecorded(id: r.id, person: person, score: r.score, band: r.band, validUntil: "\(r.validUntil)")(language))
    }
}
