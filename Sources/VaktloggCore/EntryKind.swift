/// The four kinds of log entry.
public enum EntryKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Hendelse — something that happened (violence, escape, contraband find, fire …).
    case incident
    /// Avvik — a breach of routine, instruction or requirement; has a handling lifecycle.
    case deviation
    /// Manipulering av tilsatte — an inmate's attempt to manipulate a staff member or their family.
    case manipulation
    /// Trusselhendelse — information or an event with potential to cause an undesired event.
    case threat

    /// All category codes valid for this kind (domain.md §5), in table order.
    public var categoryCodes: [String] {
        switch self {
        case .incident: IncidentCategory.allCases.map(\.rawValue)
        case .deviation: DeviationCategory.allCases.map(\.rawValue)
        case .manipulation: ManipulationMethod.allCases.map(\.rawValue)
        case .threat: ThreatType.allCases.map(\.rawValue)
        }
    }
}
