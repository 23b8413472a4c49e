public import ArgumentParser
import Foundation
import Rules
import VaktloggCore
import VaktloggText

/// A code enum as an option value: ArgumentParser lists the allowed codes in `--help` (with their
/// labels from the catalogue) and names them in the error for a value that is not one (exit 64).
protocol CodeArgument: ExpressibleByArgument, CaseIterable, RawRepresentable, Labelled where RawValue == String {}

extension CodeArgument {
    init?(argument: String) { self.init(rawValue: argument) }

    static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// `code: label` in help, in the language of `VAKTLOGG_LANG` (help is printed before `--lang` is read).
    static var allValueDescriptions: [String: String] {
        let language = Language.resolve(flag: nil, environment: ProcessInfo.processInfo.environment)
        return Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.label(language)) })
    }
}

extension EntryKind: ExpressibleByArgument, CodeArgument {}
extension SecurityDomain: ExpressibleByArgument, CodeArgument {}
extension Interest: ExpressibleByArgument, CodeArgument {}
extension ManipulationTarget: ExpressibleByArgument, CodeArgument {}
extension ThreatSource: ExpressibleByArgument, CodeArgument {}
extension MeasureType: ExpressibleByArgument, CodeArgument {}
extension CommunicationGround: ExpressibleByArgument, CodeArgument {}
extension UserRole: ExpressibleByArgument, CodeArgument {}
extension UnitType: ExpressibleByArgument, CodeArgument {}
extension DecisionType: ExpressibleByArgument, CodeArgument {}
extension PersonFlag: ExpressibleByArgument, CodeArgument {}
extension InformationCredibility: ExpressibleByArgument, CodeArgument {}

extension SourceReliability: ExpressibleByArgument, CodeArgument {
    /// `a`–`f` are accepted as `A`–`F`.
    init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

extension Priority: ExpressibleByArgument, CodeArgument {
    /// A tier is given as `1`–`4` or `P1`–`P4`.
    init?(argument: String) {
        let upper = argument.uppercased()
        self.init(rawValue: upper.hasPrefix("P") ? upper : "P" + upper)
    }
}

extension Restrictiveness: ExpressibleByArgument {
    init?(argument: String) {
        guard let n = Int(argument) else { return nil }
        self.init(rawValue: n)
    }

    static var allValueStrings: [String] { allCases.map { String($0.rawValue) } }

    static var allValueDescriptions: [String: String] {
        let language = Language.resolve(flag: nil, environment: ProcessInfo.processInfo.environment)
        return Dictionary(uniqueKeysWithValues: allCases.map { (String($0.rawValue), $0.label(language)) })
    }
}

/// `police --decision`: whether the police are to be informed (`not_inform` is accepted too).
enum PoliceDecision: String, CodeArgument {
    case inform
    case notInform = "not-inform"

    init?(argument: String) { self.init(rawValue: argument.replacingOccurrences(of: "_", with: "-")) }

    var label: LocalizedText { self == .inform ? EntryText.informPolice : EntryText.doNotInformPolice }
}

/// `list --status`: a status code, or `all` for closed entries too.
enum StatusOption: String, CodeArgument {
    case all, registered, acknowledged
    case underTreatment = "under_treatment"
    case measureDecided = "measure_decided"
    case assessed, closed

    var label: LocalizedText { self == .all ? EntryText.allStatuses : Status.label(rawValue) }
}
