import ArgumentParser
import Foundation
import Rules
import Store
import VaktloggCore
import VaktloggText

extension UnitCommand {
    /// `vaktlogg unit deadlines CODE --set key=value … --reason TEXT`: per-unit deadline overrides.
    struct Deadlines: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Endre eller vis enhetens frister (administrator); gjelder nye oppføringer.",
            discussion: """
                Each --set key=value appends a versioned override; value "default" returns the key to the rule \
                set. The database applies the overrides in force when it computes the deadlines of a new entry; \
                entries already logged keep theirs. Without --set the effective deadlines are shown. Keys: \
                \(UnitDeadlineChange.allowedKeys.joined(separator: ", ")). --json prints an array of \
                {"key","value","rule_set_value","overridden"}. Exit 65 bad data, 77 not an administrator.
                """)

        @Argument(help: ArgumentHelp("Enhetskode.", valueName: "CODE")) var code: String
        @Option(name: .customLong("set"), help: ArgumentHelp("Frist nøkkel=verdi (gjentas).", valueName: "KEY=VALUE"))
        var changes: [String] = []
        @Option(help: ArgumentHelp("Begrunnelse for endringen.", valueName: "TEXT")) var reason: String?
        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            if !changes.isEmpty {
                let parsed = try StoreCommand.reporting(l) { () throws -> [UnitDeadlineChange] in
                    guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                        throw StoreError(VaktloggCore.ValidationError(code: .required, field: "reason",
                                                                      message: UnitDeadlineText.reasonRequired))
                    }
                    return try changes.map { text throws -> UnitDeadlineChange in
                        do throws(VaktloggCore.ValidationError) { return try UnitDeadlineChange(parsing: text) } catch { throw StoreError(error) }
                    }
                }
                let ids = try StoreCommand.run(options) {
                    try Administration(connection: $0).setUnitDeadlines(unit: code, changes: parsed, reason: reason ?? "")
                }
                if !output.json { print(UnitDeadlineText.recorded(unit: code, count: ids.count)(l)) }
            }
            try DeadlineTable.print(unit: code, options: options, json: output.json)
        }
    }

    /// The unit's effective deadlines for new entries (`unit deadlines CODE`, and a part of `unit show CODE`).
    enum DeadlineTable {
        static func print(unit: String, options: ConnectionOptions, json: Bool) throws {
            let l = options.language
            let set = RuleSet.default
            let rows = try StoreCommand.run(options) { try Administration(connection: $0).unitDeadlines(unit: unit, ruleSet: set) }
            if json { return try StoreCommand.printJSON(rows) }
            Swift.print(lines(unit: unit, rows: rows, version: set.version, l).joined(separator: "\n"))
        }

        static func lines(unit: String, rows: [UnitDeadline], version: String, _ l: Language) -> [String] {
            [UnitDeadlineText.heading(unit: unit, version: version)(l)] + rows.map { r in
                let note = r.overridden ? "  (" + UnitDeadlineText.overridden(ruleSet: r.ruleSetValue)(l) + ")" : ""
                return "  \(r.key.padding(32)) \(r.value)\(note)"
            }
        }
    }
}
