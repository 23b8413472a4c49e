import Foundation
public import VaktloggCore
import VaktloggText

/// One allowed value of a picked field: its code and the label the officer reads and types.
public struct FormOption: Sendable, Hashable {
    public var code: String
    public var label: String
}

extension EntryForm {
    /// The allowed values of `field` in `language`, in the catalogue's order; empty for typed fields.
    /// `units` are the viewer's units (the unit field offers them after the home unit).
    public func options(_ field: FormField, language l: Language, units: [String]) -> [FormOption] {
        func of<T: Labelled & RawRepresentable & CaseIterable>(_: T.Type) -> [FormOption] where T.RawValue == String {
            T.allCases.map { FormOption(code: $0.rawValue, label: $0.label(l)) }
        }
        switch field {
        case .kind: return of(EntryKind.self)
        case .category:
            return kind.categoryCodes.map { FormOption(code: $0, label: EntryCategory.label(kind: kind, code: $0)(l)) }
        case .personRole: return of(PersonRole.self)
        case .probability, .consequence:
            return (1...5).map { FormOption(code: "\($0)", label: "\($0)") }
        case .target: return of(ManipulationTarget.self)
        case .workingHours:
            return [FormOption(code: "yes", label: DashboardFormText.inWorkingHours(l)),
                     FormOption(code: "no", label: DashboardFormText.outsideWorkingHours(l))]
        case .source: return of(ThreatSource.self)
        case .reliability: return of(SourceReliability.self)
        case .credibility: return of(InformationCredibility.self)
        case .interest: return of(Interest.self)
        case .unit: return units.map { FormOption(code: $0, label: $0) }
        case .text, .persons, .occurred: return []
        }
    }

    /// The label of the value of `field` as shown in the form (a code not among the options as it is).
    public func shownValue(_ field: FormField, language: Language, units: [String]) -> String {
        let v = value(field)
        guard !field.isTyped, !v.isEmpty else { return v }
        return options(field, language: language, units: units).first { $0.code == v }?.label ?? v
    }

    /// The options of `field` that the type-ahead `query` selects, best first: a label (or code)
    /// that starts with it, then one whose words' first letters spell it (`vt` is «vold mot
    /// tilsatt»: v-old mot t-ilsatt), then one that contains it. All of them for an empty query.
    public static func matches(_ query: String, in options: [FormOption]) -> [FormOption] {
        let q = query.lowercased().trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return options }
        func rank(_ o: FormOption) -> Int? {
            let label = o.label.lowercased()
            if label.hasPrefix(q) || o.code.lowercased().hasPrefix(q) { return 0 }
            if initialsSpell(q, label) { return 1 }
            if label.contains(q) { return 2 }
            return nil
        }
        return options.enumerated()
            .compactMap { i, o in rank(o).map { (rank: $0, index: i, option: o) } }
            .sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }
            .map(\.option)
    }

    /// Whether the letters of `query` are, in order, the first letters of words of `label` (not
    /// necessarily every word: `vt` and `vmt` both spell «vold mot tilsatt»). The first letter must
    /// be the first word's, so `t` alone is not every label with a `t…` word in it.
    static func initialsSpell(_ query: String, _ label: String) -> Bool {
        let initials = label.split { !$0.isLetter && !$0.isNumber }.compactMap(\.first)
        guard let first = initials.first, query.first == first else { return false }
        var rest = initials.dropFirst()[...]
        for c in query.dropFirst() where c != " " {
            guard let at = rest.firstIndex(of: c) else { return false }
            rest = rest[rest.index(after: at)...]
        }
        return true
    }
}
