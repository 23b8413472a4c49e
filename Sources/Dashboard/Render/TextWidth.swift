import CNcurses

/// Width of text in terminal cells, as the terminal will draw it: `wcwidth` per scalar (æøå are
/// one cell, CJK and most emoji two, combining marks none), not `String.count`.
///
/// `wcwidth` follows LC_CTYPE, so the process must have a UTF-8 locale (the loop calls
/// `setlocale(LC_ALL, "")` first; tests set `C.UTF-8`). A scalar wcwidth cannot measure (a control
/// character, or a non-UTF-8 locale) counts as one cell, so alignment degrades instead of collapsing.
public enum TextWidth {
    /// Cells taken by one character (a grapheme cluster: base plus combining marks).
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            let w = Int(vk_wcwidth(scalar.value))
            width += w < 0 ? (scalar.value < 0x20 || scalar.value == 0x7F ? 0 : 1) : w
        }
        // A cluster is at least one cell unless it is only zero-width marks (e.g. a lone ZWJ).
        return min(width, 2)
    }

    /// Cells taken by `text`.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `cells`, with `…` when something was cut.
    public static func truncate(_ text: String, to cells: Int) -> String {
        guard cells > 0 else { return "" }
        if of(text) <= cells { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > cells - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `text` truncated to `cells` and padded with spaces to exactly `cells` (left aligned), or
    /// right aligned when `right` is true.
    public static func pad(_ text: String, to cells: Int, right: Bool = false) -> String {
        let t = truncate(text, to: cells)
        let gap = String(repeating: " ", count: max(0, cells - of(t)))
        return right ? gap + t : t + gap
    }

    /// `text` broken into lines of at most `cells`, at spaces where possible.
    public static func wrap(_ text: String, to cells: Int) -> [String] {
        guard cells > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                var ww = of(w)
                if used > 0 && used + 1 + ww > cells {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                // A word longer than a line is cut hard.
                while ww > cells {
                    var head = ""
                    var hw = 0
                    var rest = w[...]
                    while let c = rest.first, hw + of(c) <= cells {
                        head.append(c)
                        hw += of(c)
                        rest = rest.dropFirst()
                    }
                    lines.append(head)
                    w = String(rest)
                    ww = of(w)
                }
                if used > 0 {
                    line += " "
                    used += 1
                }
                line += w
                used += ww
            }
            lines.append(line)
        }
        return lines
    }
}
