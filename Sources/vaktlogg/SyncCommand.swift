import ArgumentParser
import Foundation
import Store
import VaktloggCore
import Postgres

/// `vaktlogg sync`: deliver spooled entries exactly once, in the order they were logged.
///
/// Each entry is stored in its own transaction under its idempotency key, and its file is removed
/// only after the commit; an interrupted sync leaves the rest for the next, and a repeated one finds
/// the entry already stored.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Lever oppføringer fra den lokale køen.")
    @Flag(help: "Skriv JSON (én linje per oppføring).") var json = false
    @OptionGroup var options: ConnectionOptions

    func run() throws {
        let language = options.language
        let spool = Spool(directory: options.spoolDirectory)
        let (items, unreadable) = spool.pending()
        for u in unreadable {
            CLI.stderr(language == .nb ? "vaktlogg: kan ikke lese køfilen \(u.file.path); den er latt urørt"
                                       : "vaktlogg: cannot read spool file \(u.file.path); it is left in place")
        }
        if items.isEmpty {
            if !json { print(language == .nb ? "Køen er tom." : "The spool is empty.") }
            if !unreadable.isEmpty { throw ExitCode(65) }
            return
        }
        let connection = try options.connect()
        defer { connection.close() }
        let writer = StoreSession(connection: connection).entries
        var failed = false
        for item in items {
            do {
                let logged = try writer.log(item.draft)
                try spool.remove(item)
                let reported = item.draft.reportedAt.map(OsloTime.format) ?? "?"
                if json {
                    print(JSONText.encode(["ref": logged.ref, "priority": logged.priority.rawValue,
                                           "already_stored": logged.alreadyStored,
                                           "reported_at": item.draft.reportedAt.map(OsloTime.rfc3339) ?? NSNull()]))
                } else if logged.alreadyStored {
                    print(language == .nb ? "Allerede levert: \(logged.ref) (meldt \(reported))" : "Already delivered: \(logged.ref) (reported \(reported))")
                } else {
                    print(language == .nb ? "Levert: \(logged.ref) · \(logged.priority.rawValue) (meldt \(reported))"
                                          : "Delivered: \(logged.ref) · \(logged.priority.rawValue) (reported \(reported))")
                }
            } catch let error as StoreError where error.category == .unavailable {
                CLI.stderr(language == .nb ? "vaktlogg: forbindelsen brøt; resten blir liggende i køen"
                                           : "vaktlogg: the connection broke; the rest stays in the spool")
                throw ExitCode(69)
            } catch let error as StoreError {
                failed = true
                CLI.stderr("vaktlogg: \(item.file.lastPathComponent): " + error.formatted(language))
            }
        }
        let left = spool.count
        if left > 0 { SpoolReminder.remind(spool, language: language) }
        if failed || !unreadable.isEmpty { throw ExitCode(65) }
    }
}
