import ArgumentParser
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg unit add|list`: prisons, departments and probation offices.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "Enheter (fengsel, avdeling, friomsorgskontor): opprett, list og vis.",
        discussion: "Exit 65 bad data (the message names the field and what is allowed), 77 not an administrator, 69 database unreachable.",
        subcommands: [Add.self, List.self, UnitShowCommand.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Opprett en enhet (administrator).")

        @Argument(help: ArgumentHelp("Enhetskode, 2–12 tegn A–Z/0–9, f.eks. OSLO.", valueName: "CODE"))
        var code: String

        @Option(name: .long, help: ArgumentHelp("Enhetens navn.", valueName: "NAME"))
        var name: String

        // A string, not an enum: the Store checks it and names every type with its label.
        @Option(name: .long, help: ArgumentHelp("Type: \(CodeLabels.allowed(UnitType.self, .nb)).", valueName: "TYPE"))
        var type: String

        @Option(name: .long, help: ArgumentHelp("Regionkode (se vaktlogg region list).", valueName: "CODE"))
        var region: String

        @Option(name: .customLong("security-level"), help: ArgumentHelp("Sikkerhetsnivå 1–3 (1 høyest).", valueName: "N"))
        var securityLevel: Int = 2

        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let unit = try StoreCommand.reporting(l) {
                try NewUnit(code: code, name: name, type: type, region: region, securityLevel: securityLevel)
            }
            let added = try StoreCommand.run(options) { try Administration(connection: $0).addUnit(unit) }
            // --json: the unit as `unit list --json` shows it.
            if output.json { return try StoreCommand.printJSON(added) }
            print(AdminText.unitAdded(code: added.code, name: added.name, type: added.type, region: added.region, securityLevel: added.securityLevel)(l))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List enhetene med region, type og antall åpne saker.",
            discussion: """
                Open entries are counted only in units you can see ("-" otherwise). --json prints an array of \
                {"code", "name", "type", "region", "region_name", "security_level", "open_entries"}.
                """)

        @Flag(name: .long, help: "Skriv JSON.")
        var json = false

        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let units = try StoreCommand.run(options) { try Administration(connection: $0).units() }
            if json { return try StoreCommand.printJSON(units) }
            guard !units.isEmpty else { return print(AdminText.noUnits(l)) }
            print(TextTable.render(
                [AdminText.code(l), AdminText.name(l), AdminText.type(l), AdminText.region(l), AdminText.level(l), AdminText.open(l)],
                units.map { u in
                    [u.code, u.name, "\(u.type.rawValue) (\(u.type.label(l)))", u.region, String(u.securityLevel),
                     u.openEntries.map(String.init) ?? "-"]
                }))
        }
    }
}
