/// A key as the reducer sees it, decoded from the terminal by the loop (or built by a test).
public enum DashboardKey: Sendable, Hashable {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// A printable character (letters, digits, `/`, `?`, æøå …).
    case character(Character)
}
