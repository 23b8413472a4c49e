/// The general status of an incident, manipulation report or threat event.
///
/// Deviations have their own, finer lifecycle (`DeviationStatus`). The others are acknowledged by a
/// coordinator, assessed (threats assessed, manipulation reports reviewed) and closed.
public enum EntryStatus: String, Codable, Sendable, CaseIterable, Hashable {
    /// Registrert — logged, nobody has taken it yet.
    case registered
    /// Kvittert — a coordinator has acknowledged it.
    case acknowledged
    /// Vurdert — assessed or reviewed by a coordinator.
    case assessed
    /// Lukket.
    case closed
}
