import Foundation
import Testing

/// No user-facing text outside the catalogue (VaktloggText).
///
/// What counts as user-facing, in every `.swift` file under Sources/ except Sources/VaktloggText:
/// - a text pair: `nb: "…"` (a `LocalizedText` or a helper building one);
/// - a choice of language in code: `== .nb ?`, `nb ? "…"`, a text built up as `var nb = "…"`, `en += "…"`;
/// - a string literal with words in it (two letters or more once interpolations are removed) passed
///   straight to `print(`, `stderr(`, `CLI.stderr(`, `CLI.fail(` or ArgumentParser's `ValidationError(`.
///
/// Not counted: ArgumentParser's `help:`, `abstract:` and `discussion:` (declared with the command,
/// bokmål, read by `--help`), comments, and test code. The allow-list below names each file that may
/// still hold such text, with how many lines, so a new literal there fails the test too. The program
/// name before a message (`"vaktlogg: "`) is not text.
@Suite struct LiteralScanTests {
    /// Files that keep text for a stated reason, with the number of flagged lines.
    ///
    /// Core and Rules sit below the catalogue (VaktloggText depends on them), so their checks still
    /// write the message of the `ValidationError` they throw. Next step: a specific code and
    /// arguments per check, rendered by the catalogue as Store errors are.
    static let allowed: [String: (lines: Int, reason: String)] = [
        "Sources/VaktloggCore/EntryDraft+Validation.swift": (18, below),
        "Sources/VaktloggCore/EntryDraft+JSON.swift": (10, below),
        "Sources/VaktloggCore/PersonReference.swift": (1, below + "; the case-number rule, worded once"),
        "Sources/VaktloggCore/UnitCode.swift": (1, below),
        "Sources/VaktloggCore/ValidationError.swift": (1, below + "; `line N` of a rule file"),
        "Sources/Rules/Messages.swift": (12, below),
        "Sources/Rules/RuleSet+Loading.swift": (12, below),
        "Sources/Rules/RuleSet+LoadingTables.swift": (5, below),
        "Sources/Rules/RulesContract+Checks.swift": (2, below),
        "Sources/Rules/RulesContract+Entries.swift": (3, below),
        "Sources/Rules/Triage.swift": (1, below),
    ]
    static let below = "below the catalogue: the message of a ValidationError"

    static func flagged(_ line: Substring) -> Bool {
        let code = line.components(separatedBy: "//").first ?? ""
        if code.range(of: #"\bnb: ""#, options: .regularExpression) != nil { return true }
        if code.range(of: #"== \.nb \?|\bnb \? ""#, options: .regularExpression) != nil { return true }
        if code.range(of: #"\b(?:var|let) (?:nb|en) = "|\b(?:nb|en) \+= "[^"]*[A-Za-zÆØÅæøå]{2,}"#, options: .regularExpression) != nil { return true }
        let calls = #"(?:\bprint|\bstderr|CLI\.fail|\bValidationError)\(\s*"((?:[^"\\]|\\.)*)""#
        guard let r = code.range(of: calls, options: .regularExpression) else { return false }
        var literal = String(code[r])
        literal = literal.replacingOccurrences(of: #"\\\([^)]*\)"#, with: "", options: .regularExpression)
        literal = String(literal.drop { $0 != "\"" })
        // The program's name before a message is not text to translate.
        literal = literal.replacingOccurrences(of: "vaktlogg: ", with: "")
        return literal.range(of: #"[A-Za-zÆØÅæøå]{2,}"#, options: .regularExpression) != nil
    }

    static let found: [String: [String]] = {
        var out: [String: [String]] = [:]
        for file in SourceTree.files(under: "Sources", suffix: ".swift") where !file.path.hasPrefix("Sources/VaktloggText/") {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            let hits = lines.enumerated().filter { flagged($0.element) }.map { "\(file.path):\($0.offset + 1): \($0.element.trimmingCharacters(in: .whitespaces))" }
            if !hits.isEmpty { out[file.path] = hits }
        }
        return out
    }()

    @Test func theScannerSeesTextWhereItIs() {
        // Positive controls: each kind of user-facing literal is caught, and plain code is not.
        #expect(Self.flagged(#"        LocalizedText(nb: "ukjent enhet", en: "unknown unit")"#))
        #expect(Self.flagged(#"print(language == .nb ? "Ingen." : "None.")"#))
        #expect(Self.flagged(#"CLI.stderr("vaktlogg: databasen kan ikke nås (\(reason))")"#))
        #expect(Self.flagged(#"throw ValidationError("oppgi enten --offered eller --held")"#))
        #expect(Self.flagged(#"            var nb = "ENHET \(unit): kjeden er hel""#))
        #expect(!Self.flagged(#"print("  \(name.padding(width))  \(state)")"#))
        #expect(!Self.flagged(#"print(EntryText.noEntries(language))"#))
        #expect(!Self.flagged(#"    // print("an example in a comment")"#))
    }

    @Test func noUserFacingLiteralOutsideTheCatalogue() {
        for (path, hits) in Self.found.sorted(by: { $0.key < $1.key }) {
            if let allowance = Self.allowed[path] {
                #expect(hits.count <= allowance.lines, "\(path) holds more text than allowed (\(allowance.reason)):\n\(hits.joined(separator: "\n"))")
            } else {
                Issue.record("user-facing text outside the catalogue (move it into Sources/VaktloggText):\n\(hits.joined(separator: "\n"))")
            }
        }
    }
}
