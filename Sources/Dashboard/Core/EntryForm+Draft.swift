public import Foundation
public import VaktloggCore
import VaktloggText

extension EntryForm {
    /// The draft the form describes, as `vaktlogg log` would build it from the same values, with the
    /// refusals of values that do not even parse (a time, a number) by field.
    public func draft(now: Date, language l: Language) -> (EntryDraft, [FormField: String]) {
        var errors: [FormField: String] = [:]
        var d = EntryDraft(kind: kind, category: value(.category), text: value(.text))
        let unit = value(.unit).trimmingCharacters(in: .whitespaces)
        d.unit = unit.isEmpty ? nil : unit
        let occurred = value(.occurred).trimmingCharacters(in: .whitespaces)
        if !occurred.isEmpty {
            if let t = OsloTime.parse(occurred, now: now) { d.occurredAt = t } else {
                errors[.occurred] = InputText.unknownTime(occurred)(l)
            }
        }
        let role = PersonRole(rawValue: value(.personRole)) ?? .inmate
        // Several references are separated by commas, all in the same role.
        d.persons = value(.persons).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { EntryDraft.Person(role: role, ref: $0) }
        d.probability = Int(value(.probability))
        d.consequence = Int(value(.consequence))
        if let interest = Interest(rawValue: value(.interest)) { d.interests = [interest] }
        switch kind {
        case .manipulation:
            d.target = ManipulationTarget(rawValue: value(.target))
            d.inWorkingHours = value(.workingHours).isEmpty ? nil : value(.workingHours) == "yes"
        case .threat:
            d.source = ThreatSource(rawValue: value(.source))
            d.sourceReliability = SourceReliability(rawValue: value(.reliability))
            d.informationCredibility = InformationCredibility(rawValue: value(.credibility))
        case .incident, .deviation:
            break
        }
        d.reportedAt = reportedAt
        d.idempotencyKey = idempotencyKey
        return (d, errors)
    }

    /// Every refusal of the form by field: what does not parse, then the draft's own validation
    /// (the checks `vaktlogg log` makes before anything is sent). Empty when it can be judged.
    public func validation(now: Date, language l: Language) -> (EntryDraft, [FormField: String]) {
        var (d, errors) = draft(now: now, language: l)
        // The times the officer did not type are the ones the log path will use: now.
        var checked = d
        checked.reportedAt = checked.reportedAt ?? now
        for e in checked.validationErrors(now: now) {
            let field = FormField.forDraftField(e.field) ?? .text
            if errors[field] == nil { errors[field] = e.message(l) }
        }
        d.unit = d.unit?.uppercased()
        return (d, errors)
    }

    /// The first field in Tab order with a refusal.
    public var firstErrorField: FormField? { fields.first { errors[$0] != nil } }
}
