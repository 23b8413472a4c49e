import ArgumentParser
import Foundation
import Rules
import VaktloggCore
import VaktloggText

/// `vaktlogg rules validate FILE`: accept or refuse a rule file, naming field, line and reason.
struct RulesValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Kontroller en regelfil; avviser den med felt, linje og årsak.",
        discussion: "Exit 0 when valid, 65 when refused, 64 when the file cannot be read.")

    @Argument(help: ArgumentHelp("Regelfilen (JSON).", valueName: "FILE"))
    var file: String

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Skriv resultatet som JSON på standard ut.")
    var json = false

    func run() throws {
        let language = global.language
        let text = try RulesIO.read(file, language: language)
        do throws(RuleSetLoadError) {
            let set = try RuleSet.load(json: text)
            if json {
                print(JSONValue.object(["valid": .bool(true), "version": .string(set.version), "hash": .string(set.hash)]).canonicalJSON)
            } else {
                print(RulesText.valid(file, set.version, set.hash)(language))
            }
        } catch {
            if json {
                let errors: [JSONValue] = error.errors.map { e -> JSONValue in
                    let line: JSONValue = e.line.map { JSONValue.int($0) } ?? .null
                    let fields: [String: JSONValue] = [
                        "field": .string(e.field), "line": line, "code": .string(e.code.rawValue),
                        "reason": .string(e.message(language)),
                    ]
                    return .object(fields)
                }
                print(JSONValue.object(["valid": .bool(false), "errors": .array(errors)]).canonicalJSON)
            } else {
                RulesIO.report(error.errors, file: file, language: language)
                RulesIO.stderr(RulesText.invalid(file, error.errors.count)(language))
            }
            throw ExitStatus.badData
        }
    }
}
