import CNcurses
import Foundation

/// The terminal under ncurses: set up in the order that matters (locale before `initscr`, or æøå
/// come out as bytes), keys drained until `ERR`, sizes from `KEY_RESIZE`.
final class NcursesTerminal {
    let canvas: NcursesCanvas

    /// Takes over the terminal. `environment` decides the monochrome fallback (`NO_COLOR`).
    init(environment: [String: String]) {
        setlocale(LC_ALL, "")
        initscr()
        vk_setup_terminal()
        vk_block_winch()
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "vt100"
        canvas = NcursesCanvas(monochrome: noColor || !has_colors())
    }

    /// Gives the terminal back as it was.
    func stop() { endwin() }

    func bell() { beep() }

    /// Every key waiting on the terminal, decoded; stops at `ERR` (nothing more pending).
    func drainKeys() -> [DashboardEvent] {
        var events: [DashboardEvent] = []
        while true {
            var ch: wint_t = 0
            let r = vk_get_wch(&ch)
            if r == VK_ERR { break }
            if r == VK_KEY_CODE_YES {
                if Int32(ch) == VK_KEY_RESIZE {
                    events.append(.resize(rows: canvas.rows, columns: canvas.columns))
                } else if let key = Self.function(Int32(ch)) {
                    events.append(.key(key))
                }
            } else if let key = Self.character(UInt32(ch)) {
                events.append(.key(key))
            }
        }
        return events
    }

    static func function(_ code: Int32) -> DashboardKey? {
        switch code {
        case VK_KEY_UP: .up
        case VK_KEY_DOWN: .down
        case VK_KEY_LEFT: .left
        case VK_KEY_RIGHT: .right
        case VK_KEY_PPAGE: .pageUp
        case VK_KEY_NPAGE: .pageDown
        case VK_KEY_HOME: .home
        case VK_KEY_END: .end
        case VK_KEY_ENTER: .enter
        case VK_KEY_BACKSPACE, VK_KEY_DC: .backspace
        case VK_KEY_BTAB: .backTab
        default: nil
        }
    }

    static func character(_ value: UInt32) -> DashboardKey? {
        switch value {
        case 27: return .escape
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }
}
