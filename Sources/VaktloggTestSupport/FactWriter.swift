public import Foundation
public import Postgres
public import Store
import VaktloggCore

/// Writes facts the way the application does: through the Store's write path (``EntryWriter``,
/// ``Lifecycle``, ``Amender``, the measure, decision and risk workflows, ``ShiftLog``), on a
/// connection logged in as the user, so that the rules module judges each fact and grants,
/// row-level security and the triggers all apply. Nothing here chooses what the rules or the
/// database derive (tier, priority, deadlines, risk score, band): a fixture that did would test a
/// state the product cannot produce.
///
/// The values are fixed and valid; only what a test varies is a parameter. A refusal fails loudly
/// with the Store's error.
public struct FactWriter {
    /// The user's connection.
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The session to write in: when the caller has opened a transaction (`BEGIN`) on the
    /// connection, the write joins it instead of failing to nest.
    private var session: StoreSession {
        let joins = connection.transactionStatus != .idle && connection.transactionStatus != .unknown
        return joins ? .joining(connection) : StoreSession(connection: connection)
    }

    /// An incident (violence against staff: life and health, so P1) in `unit`, logged through
    /// ``EntryWriter``; returns its id and reference.
    @discardableResult
    public func entry(unit: String, text: String = "Betjent slått i korridor B under innlåsing",
                      key: UUID = UUID(), persons: [String] = []) throws -> (id: Int64, ref: String) {
        var draft = EntryDraft(kind: .incident, category: "violence_staff", text: text)
        draft.unit = unit
        draft.probability = 3
        draft.consequence = 4
        draft.idempotencyKey = key
        draft.persons = persons.map { EntryDraft.Person(role: .inmate, ref: $0) }
        let logged = try session.entries.log(draft)
        return (logged.id, logged.ref)
    }

    /// A comment on an entry (a lifecycle event, through ``Lifecycle``); returns its id.
    @discardableResult
    public func comment(entry: Int64, text: String = "Kontaktet vakthavende lege") throws -> Int64 {
        _ = try session.lifecycle.record(.comment(text), on: try ref(of: entry))
        return try newestEvent(entry: entry)
    }

    /// A person (pseudonymous case number) added to an entry already logged. The product names
    /// persons when logging (``entry(unit:text:key:persons:)``); adding one later is the plain
    /// INSERT the schema grants officers, with nothing derived to choose.
    public func person(entry: Int64, ref: String, role: String = "inmate") throws {
        try connection.execute("""
            INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\(entry), \(ref), \(role))
            """)
    }

    /// An amendment of an entry's text (through ``Amender``, which re-judges it); returns its id.
    @discardableResult
    public func amendment(entry: Int64, text: String = "Betjent slått i korridor C under innlåsing") throws -> Int64 {
        var draft = AmendmentDraft(reason: "feil korridor")
        draft.text = text
        _ = try session.amendments.amend(try ref(of: entry), draft)
        return try newestAmendment(entry: entry)
    }

    /// An individual risk assessment (security coordinators), scored by the rules; returns its id.
    @discardableResult
    public func riskAssessment(unit: String, person: String) throws -> Int64 {
        try session.riskAssessments
            .record(person: person, unit: unit, probability: 2, consequence: 3, summary: "Rolig siste måned").id
    }

    /// A light measure (extra control, no person) on an entry (security coordinators), judged by
    /// the rules; returns its id.
    @discardableResult
    public func measure(entry: Int64, unit: String) throws -> Int64 {
        let draft = MeasureDraft(type: .extraControl, purpose: .security, burdens: [], restrictiveness: .mild)
        let result = try session.measures.record(draft, on: try ref(of: entry))
        return result.id
    }

    /// A decision without public-safety significance (security coordinators, managers).
    @discardableResult
    public func decision(entry: Int64, unit: String) throws -> Int64 {
        try session.decisions
            .record(DecisionDraft(text: "Økt bemanning i korridor B", publicSafetySignificant: false), on: try ref(of: entry))
    }

    /// A collective measure in `unit` ending in two days (security coordinators); returns its id.
    @discardableResult
    public func unitMeasure(unit: String) throws -> Int64 {
        try session.unitMeasures.record(UnitMeasureDraft(unit: unit, type: .search, purpose: .security, text: "Visitasjon av alle celler",
                                                         justification: "Funn av våpen i to avdelinger",
                                                         endsAt: Date().addingTimeInterval(2 * 86_400))).id
    }

    /// A review of a measure (`scope` .person) or collective measure (.unit) (security coordinators).
    @discardableResult
    public func review(_ scope: MeasureScope, id: Int64) throws -> Int64 {
        try session.measureFollowUp.review(scope, id: id, note: "Står ved lag").id
    }

    /// A unit (system-level) risk assessment (security coordinators, managers); returns its id.
    @discardableResult
    public func unitAssessment(unit: String) throws -> Int64 {
        try session.unitAssessments.record(UnitAssessmentDraft(unit: unit, probability: 3, consequence: 3,
                                                               summary: "Bemanning under minimum på natt", staffing: "To vakter")).id
    }

    /// The offer of a staff debriefing after entry `entry` (which must owe one: violence against staff).
    @discardableResult
    public func debriefingOffered(entry: Int64) throws -> Int64 {
        try session.debriefings.record(.offered, on: try ref(of: entry), note: nil)
    }

    /// Violence against staff reported two days ago in `unit`: its P1 acknowledgement and its
    /// debriefing offer have passed.
    @discardableResult
    public func lateStaffIncident(unit: String) throws -> (id: Int64, ref: String) {
        var draft = EntryDraft(kind: .incident, category: "violence_staff", text: "Betjent truet med kniv")
        draft.unit = unit
        draft.probability = 3
        draft.consequence = 4
        draft.reportedAt = Date().addingTimeInterval(-2 * 86_400)
        draft.occurredAt = draft.reportedAt
        let logged = try session.entries.log(draft)
        return (logged.id, logged.ref)
    }

    /// Runs the escalation (security coordinators, integration); returns how many it appended.
    @discardableResult
    public func escalate() throws -> Int { try session.escalation.run() }

    /// A note in the unit's shift log (through ``ShiftLog``); returns its id.
    @discardableResult
    public func shiftNote(unit: String, text: String = "Rolig natt") throws -> Int64 {
        try ShiftLog(connection: connection).note(text, unit: unit).id
    }

    /// Reads an entry's persons through the human `show`'s read path (``EntryRepository/detail(ref:)``),
    /// which the database logs in access_log; returns how many.
    @discardableResult
    public func readPersons(entry: Int64) throws -> Int {
        try EntryRepository(connection: connection).detail(ref: try ref(of: entry)).persons.count
    }

    /// The reference of an entry the user can see.
    private func ref(of entry: Int64) throws -> String {
        guard let row = try connection.query("SELECT ref FROM entries WHERE id = \(entry)").first else {
            throw StoreError.invalid(.unknownEntry, field: "entry", ["ref": "id \(entry)"])
        }
        return try row.decode(String.self, "ref")
    }

    /// The newest lifecycle event of `entry`.
    private func newestEvent(entry: Int64) throws -> Int64 {
        try connection.query("SELECT max(id) AS id FROM entry_events WHERE entry_id = \(entry)").first!.decode(Int64.self, "id")
    }

    /// The newest amendment of `entry`.
    private func newestAmendment(entry: Int64) throws -> Int64 {
        try connection.query("SELECT max(id) AS id FROM amendments WHERE entry_id = \(entry)").first!.decode(Int64.self, "id")
    }
}
