/// Offence kinds used by the serious-crime classifier (Riksadvokaten, rundskriv 1/2006).
public enum OffenceKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Voldsforbrytelser.
    case violence
    /// Seksualforbrytelser.
    case sexual
    /// Narkotikakriminalitet.
    case narcotics
    /// Vinningskriminalitet.
    case property
    /// Økonomisk kriminalitet.
    case economic
    /// Trafikkovertredelser.
    case traffic
    /// Annet.
    case other

    /// The offence groups the Director of Public Prosecutions prioritises when the penalty is high.
    public var isPrioritisedGroup: Bool {
        switch self {
        case .violence, .sexual, .narcotics: true
        default: false
        }
    }
}
