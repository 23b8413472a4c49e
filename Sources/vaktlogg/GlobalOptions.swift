import ArgumentParser
import Foundation
import VaktloggCore

/// `--lang` and `--user`, declared once and accepted before or after the subcommand
/// (`vaktlogg --lang en list` and `vaktlogg list --lang en`).
///
/// Every command includes this group. A value given before the subcommand is not seen by
/// ArgumentParser's subcommand parse, so ``Vaktlogg/main`` moves these options behind the
/// subcommand path before parsing (see ``GlobalOptions/reordered(_:)``).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("user"), help: ArgumentHelp("Brukernavn i innebygd modus (VAKTLOGG_USER, standard admin).", valueName: "NAME"))
    var user: String?

    @Option(name: .customLong("lang"), help: ArgumentHelp("Språk: nb (standard) eller en (VAKTLOGG_LANG).", valueName: "LANG"))
    var lang: String?

    /// The language of the user's messages.
    var language: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }

    /// The global options' names, each taking one value.
    static let names: Set<String> = ["--user", "--lang"]

    /// `arguments` with every global option given before the first non-option word moved to the
    /// end, so the subcommand that declares them parses them; `--name=value` is kept whole.
    static func reordered(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var rest: [String] = []
        var i = 0
        var inPrefix = true
        while i < arguments.count {
            let a = arguments[i]
            if inPrefix, names.contains(a), i + 1 < arguments.count {
                moved += [a, arguments[i + 1]]
                i += 2
                continue
            }
            if inPrefix, let eq = a.firstIndex(of: "="), names.contains(String(a[..<eq])) {
                moved.append(a)
                i += 1
                continue
            }
            if !a.hasPrefix("-") || a == "--" { inPrefix = false }
            rest.append(a)
            i += 1
        }
        if let dashes = rest.firstIndex(of: "--") { rest.insert(contentsOf: moved, at: dashes) } else { rest += moved }
        return rest
    }
}
