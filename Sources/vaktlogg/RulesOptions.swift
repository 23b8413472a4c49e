import ArgumentParser
import Foundation
import Rules
import VaktloggCore
import VaktloggText

/// Options every `rules` subcommand shares: which rule set, which language.
struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("Regelfil (JSON) i stedet for standardregelsettet.", valueName: "FILE"))
    var rulesFile: String?

    @OptionGroup var global: GlobalOptions

    var language: Language { global.language }

    /// The active rule set and where it came from (`default` or the file path).
    func activeRuleSet() throws -> (ruleSet: RuleSet, source: String) {
        try Self.activeRuleSet(file: rulesFile, language: language)
    }

    /// The rule set in `file`, else in `VAKTLOGG_RULES_FILE`, else the default; an unreadable file
    /// exits 64, an invalid one 65 (each reported in `language`). Shared by `rules` and `log`.
    static func activeRuleSet(file: String?, language: Language) throws -> (ruleSet: RuleSet, source: String) {
        let env = ProcessInfo.processInfo.environment["VAKTLOGG_RULES_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = file ?? env else { return (.default, "default") }
        let text = try RulesIO.read(path, language: language)
        do throws(RuleSetLoadError) {
            return (try RuleSet.load(json: text), path)
        } catch {
            RulesIO.report(error.errors, file: path, language: language)
            RulesIO.stderr(RulesText.invalidActive(path)(language))
            throw ExitStatus.badData
        }
    }
}

/// Reading files and writing diagnostics for the rules commands.
enum RulesIO {
    static func stderr(_ text: String) { CLI.stderr(text) }

    /// The file's text, or exit 64 (a file the user named that cannot be read is a usage error).
    static func read(_ path: String, language: Language) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            stderr(RulesText.cannotRead(path)(language))
            throw ExitStatus.usage
        }
        guard let text = String(data: data, encoding: .utf8) else {
            stderr(RulesText.notUTF8(path)(language))
            throw ExitStatus.badData
        }
        return text
    }

    /// Compiler-style `FILE:LINE: field: message` lines on standard error.
    static func report(_ errors: [VaktloggCore.ValidationError], file: String, language: Language) {
        for e in errors {
            let location = e.line.map { "\(file):\($0)" } ?? file
            let field = e.field.isEmpty ? "" : "\(e.field): "
            stderr("\(location): \(field)\(e.message(language)) [\(e.code)]")
        }
    }
}
