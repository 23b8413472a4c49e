import ArgumentParser
import Store
import VaktloggText
import VaktloggCore

/// `vaktlogg region add|list`: the regions units belong to (administrators add them).
struct RegionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region",
        abstract: "Regioner: opprett og list.",
        discussion: "A unit belongs to a region; add the region first. Exit 65 bad data, 77 not an administrator, 69 database unreachable.",
        subcommands: [Add.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Opprett en region (administrator).")

        @Argument(help: ArgumentHelp("Regionkode, f.eks. OST (A–Z, 0–9, _).", valueName: "CODE"))
        var code: String

        @Option(name: .long, help: ArgumentHelp("Regionens navn, f.eks. «Region øst».", valueName: "NAME"))
        var name: String

        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let region = try StoreCommand.reporting(l) { try NewRegion(code: code, name: name) }
            let added = try StoreCommand.run(options) { try Administration(connection: $0).addRegion(region) }
            // --json: the region as `region list --json` shows it.
            if output.json { return try StoreCommand.printJSON(added) }
            print(AdminText.regionAdded(code: added.code, name: added.name)(l))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List regionene.",
            discussion: "--json prints an array of {\"code\", \"name\", \"units\"}.")

        @Flag(name: .long, help: "Skriv JSON.")
        var json = false

        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let regions = try StoreCommand.run(options) { try Administration(connection: $0).regions() }
            if json { return try StoreCommand.printJSON(regions) }
            guard !regions.isEmpty else { return print(AdminText.noRegions(l)) }
            print(TextTable.render(
                [AdminText.code(l), AdminText.name(l), AdminText.units(l)],
                regions.map { [$0.code, $0.name, String($0.units)] }))
        }
    }
}
