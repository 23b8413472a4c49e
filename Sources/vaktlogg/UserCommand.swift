import ArgumentParser
import Store
import VaktloggCore
import VaktloggText

/// `vaktlogg user add|list|disable|enable`: accounts, their role and units. A user is also a PostgreSQL
/// login role, so what the database enforces (row-level security, privileges) follows the person.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Brukere: opprett, list og deaktiver.",
        discussion: "Exit 65 bad data (the message names the field and what is allowed), 77 not an administrator, 69 database unreachable.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Opprett en bruker (administrator). Første --unit er hjemmeenheten.")

        @Argument(help: ArgumentHelp("Brukernavn (innlogging), f.eks. kari.nordmann.", valueName: "NAME"))
        var name: String

        // A string, not an enum: the Store checks it (as it will for the HTTP API) and names every
        // role with its label in the user's language.
        @Option(name: .long, help: ArgumentHelp("Rolle: \(CodeLabels.allowed(UserRole.self, .nb)).", valueName: "ROLE"))
        var role: String

        @Option(name: .customLong("unit"), help: ArgumentHelp(
            "Enhet (kan gjentas; den første er hjemmeenheten). Valgfritt for auditor og admin.", valueName: "CODE"))
        var units: [String] = []

        @Option(name: .customLong("full-name"), help: ArgumentHelp("Fullt navn.", valueName: "NAME"))
        var fullName: String?

        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let user = try StoreCommand.reporting(l) {
                try NewUser(name: name, role: role, units: units, fullName: fullName)
            }
            let added = try StoreCommand.run(options) { try Administration(connection: $0).addUser(user) }
            // --json: the account as `user list --json` shows it.
            if output.json { return try StoreCommand.printJSON(added) }
            print(AdminText.userAdded(name: added.name, role: added.role, units: added.units, homeUnit: added.homeUnit)(l))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List brukerne med rolle, enheter og status.",
            discussion: """
                --json prints an array of {"name", "role", "full_name", "home_unit", "units", "created_at", \
                "disabled", "disabled_at"}; units start with the home unit.
                """)

        @Flag(name: .long, help: "Skriv JSON.")
        var json = false

        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let users = try StoreCommand.run(options) { try Administration(connection: $0).users() }
            if json { return try StoreCommand.printJSON(users) }
            print(TextTable.render(
                [AdminText.user(l), AdminText.role(l), AdminText.name(l), AdminText.units(l), AdminText.status(l)],
                users.map { u in
                    [u.name, u.role.rawValue, u.fullName ?? "-", u.units.isEmpty ? "-" : u.units.joined(separator: ","),
                     u.disabledAt.map { AdminText.disabled(OsloTime.format($0))(l) } ?? AdminText.active(l)]
                }))
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deaktiver en bruker (administrator): kan ikke lenger logge inn; det brukeren har ført, beholdes.")

        @Argument(help: ArgumentHelp("Brukernavnet.", valueName: "NAME"))
        var name: String

        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let account = try StoreCommand.run(options) { c in
                let admin = Administration(connection: c)
                try admin.disableUser(name)
                // --json: the account after the change, as `user list --json` shows it.
                return output.json ? try admin.users().first { $0.name == name.lowercased() } : nil
            }
            if output.json { return try StoreCommand.printJSON(account) }
            print(AdminText.userDisabled(name.lowercased())(l))
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gi en deaktivert bruker tilgang igjen (administrator).")

        @Argument(help: ArgumentHelp("Brukernavnet.", valueName: "NAME"))
        var name: String

        @OptionGroup var output: JSONFlag
        @OptionGroup var options: ConnectionOptions

        func run() throws {
            let l = options.language
            let account = try StoreCommand.run(options) { c in
                let admin = Administration(connection: c)
                try admin.enableUser(name)
                // --json: the account after the change, as `user list --json` shows it.
                return output.json ? try admin.users().first { $0.name == name.lowercased() } : nil
            }
            if output.json { return try StoreCommand.printJSON(account) }
            print(AdminText.userEnabled(name.lowercased())(l))
        }
    }
}
