import Dashboard
import Testing
import VaktloggCore

/// Terminal widths: æøå one cell, CJK two, combining marks none; cutting and padding by cells.
@Suite struct TextWidthTests {
    init() { _ = Fixtures.locale }

    @Test func widthsAreCellsNotCharacters() {
        #expect(TextWidth.of("æøåÆØÅ") == 6)
        #expect(TextWidth.of("漢字") == 4)
        #expect(TextWidth.of("e\u{301}") == 1, "e + combining acute is one cell")
        #expect("漢字".count == 2)
    }

    @Test func truncateAndPadCountCells() {
        #expect(TextWidth.truncate("Bråk på gården", to: 8) == "Bråk på…")
        #expect(TextWidth.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(TextWidth.pad("漢", to: 4) == "漢  ")
        #expect(TextWidth.pad("ø", to: 3, right: true) == "  ø")
    }

    @Test func wrapBreaksAtSpacesByCells() {
        #expect(TextWidth.wrap("Bråk på gården ved porten", to: 10) == ["Bråk på", "gården ved", "porten"])
        #expect(TextWidth.wrap("漢字漢字漢字", to: 5) == ["漢字", "漢字", "漢字"])
    }

    @Test func aWideCharacterThatDoesNotFitIsLeftOutAndOverwritingHalfBlanksTheOther() {
        let g = GridCanvas(rows: 1, columns: 5)
        g.draw("abcd漢", row: 0, column: 0, style: .normal)
        #expect(g.line(0) == "abcd ")
        g.draw("漢", row: 0, column: 1, style: .normal)
        #expect(g.line(0) == "a漢d ")
        g.draw("x", row: 0, column: 2, style: .normal)
        #expect(g.line(0) == "a xd ")
    }
}
