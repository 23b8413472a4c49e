/// The three areas the strategy's security work covers (Innledning).
public enum SecurityDomain: String, Codable, Sendable, CaseIterable, Hashable {
    /// Samfunnets, tilsattes, domfeltes og innsattes trygghet (straffegjennomføringsloven).
    case correctionalSecurity = "correctional_security"
    /// HMS — occupational health and safety.
    case hse
    /// Informasjonssikkerhet (personopplysningsloven).
    case infosec
}
