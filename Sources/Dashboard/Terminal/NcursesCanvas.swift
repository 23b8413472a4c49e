import CNcurses

/// The terminal as a ``Canvas``: each style becomes a colour pair, or on a monochrome terminal
/// (`NO_COLOR` set, `TERM=vt100`, no colours) bold/reverse/underline alone, so nothing depends on
/// colour to be seen (overdue deadlines also carry `!`, the stale mark its words).
public final class NcursesCanvas: Canvas {
    let monochrome: Bool

    init(monochrome: Bool) {
        self.monochrome = monochrome
        if !monochrome {
            start_color()
            use_default_colors()
            for (index, style) in CellStyle.allCases.enumerated() {
                let (fg, bg) = Self.colours(style)
                init_pair(Int16(index + 1), fg, bg)
            }
        }
    }

    public var rows: Int {
        var r: Int32 = 0, c: Int32 = 0
        vk_getmaxyx(&r, &c)
        return Int(r)
    }

    public var columns: Int {
        var r: Int32 = 0, c: Int32 = 0
        vk_getmaxyx(&r, &c)
        return Int(c)
    }

    public func clear() { vk_erase() }

    public func draw(_ text: String, row: Int, column: Int, style: CellStyle) {
        let width = columns
        guard row >= 0, row < rows, column < width else { return }
        var scalars: [wchar_t] = []
        var used = max(0, column)
        for ch in text {
            let w = TextWidth.of(ch)
            if used + w > width { break }
            scalars += ch.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            used += w
        }
        guard !scalars.isEmpty else { return }
        vk_attrset(attribute(style))
        let count = Int32(scalars.count)
        scalars.append(0)
        // The last cell of the last row makes ncurses report ERR after writing it; that is harmless.
        _ = vk_put(Int32(row), Int32(max(0, column)), scalars, count)
        vk_attrset(vk_a_normal())
    }

    /// Pushes what was drawn to the terminal (ncurses sends only the cells that changed).
    func present() { vk_refresh() }

    func attribute(_ style: CellStyle) -> attr_t {
        let mono: attr_t = switch style {
        case .normal: vk_a_normal()
        case .statusBar, .selected, .hint: vk_a_reverse()
        case .title, .urgent, .overdue, .section: vk_a_bold()
        case .header: vk_a_underline()
        case .stale: vk_a_reverse() | vk_a_bold()
        }
        guard !monochrome, let index = CellStyle.allCases.firstIndex(of: style) else { return mono }
        let extra: attr_t = (style == .urgent || style == .stale || style == .title || style == .section) ? vk_a_bold() : vk_a_normal()
        return vk_color_pair(Int32(index + 1)) | extra | (style == .selected ? vk_a_reverse() : vk_a_normal())
    }

    static func colours(_ style: CellStyle) -> (Int16, Int16) {
        switch style {
        case .normal, .selected: (-1, -1)
        case .statusBar: (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
        case .title, .section: (Int16(COLOR_CYAN), -1)
        case .header: (Int16(COLOR_YELLOW), -1)
        case .urgent, .overdue: (Int16(COLOR_RED), -1)
        case .stale: (Int16(COLOR_WHITE), Int16(COLOR_RED))
        case .hint: (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
        }
    }
}
