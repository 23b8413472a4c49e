import Foundation
public import VaktloggCore
import VaktloggText

extension DashboardActionField {
    /// The allowed values of a picked field (a measure's type, purpose, restrictiveness), nil for
    /// a typed one. What is typed is matched as in the form (label start, initials, any part).
    public func options(_ l: Language) -> [FormOption]? {
        switch self {
        case .measureType: MeasureType.allCases.map { FormOption(code: $0.rawValue, label: $0.label(l)) }
        case .purpose: Interest.allCases.map { FormOption(code: $0.rawValue, label: $0.label(l)) }
        case .restrictiveness: Restrictiveness.allCases.map { FormOption(code: "\($0.rawValue)", label: "\($0.rawValue) \($0.label(l))") }
        default: nil
        }
    }

    /// The label of a typed value's best match, for the prompt line (nil: typed field or no match).
    public func match(_ typed: String, _ l: Language) -> FormOption? {
        guard let options = options(l), !typed.isEmpty else { return nil }
        return EntryForm.matches(typed, in: options).first
    }
}
