import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText
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
            CLI.fail(CLIText.unreadableSpoolFile(u.file.path), language: language)
        }
        if items.isEmpty {
            if !json { print(CLIText.spoolEmpty(language)) }
            if !unreadable.isEmpty { throw ExitStatus.badData }
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
                    print(CLIText.alreadyDelivered(ref: logged.ref, reported: reported)(language))
                } else {
                    print(CLIText.delivered(ref: logged.ref, priority: logged.priority.rawValue, reported: reported)(language))
                }
            } catch let error as StoreError where error.category == .unavailable {
                CLI.fail(CLIText.connectionLost, language: language)
                throw ExitStatus.unavailable
            } catch let error as StoreError {
                failed = true
                CLI.stderr("vaktlogg: \(item.file.lastPathComponent): " + error.formatted(language))
            }
        }
        let left = spool.count
        if left > 0 { SpoolReminder.remind(spool, language: language) }
        if failed || !unreadable.isEmpty { throw ExitStatus.badData }
    }
}
