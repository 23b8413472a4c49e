/// What a user of Vaktlogg may do (domain.md §1, §8).
public enum UserRole: String, Codable, Sendable, CaseIterable, Hashable {
    /// Vakthavende / fengselsbetjent: logs entries, hands over the shift.
    case dutyOfficer = "duty_officer"
    /// Sikkerhetsleder: triages, acknowledges, decides measures, assesses threats.
    case securityCoordinator = "security_coordinator"
    /// Fengselsleder / regiondirektør: reports and trends.
    case manager
    /// Revisor: read-only, verifies integrity, reads the access log.
    case auditor
    /// Administrator: users, units, configuration.
    case admin
    /// An integrated system (alarm system, case system) submitting by API.
    case integration
}
