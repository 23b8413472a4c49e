import ArgumentParser
import Foundation
import Store
import VaktloggCore
import VaktloggText
import Postgres

/// `vaktlogg verify`: recomputes each visible unit's hash chain in the database, names the first
/// broken link, and exports or checks chain heads kept outside the database (domain.md §9).
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Kontroller hash-kjeden for hver enhet du har tilgang til.",
        discussion: """
            Recomputes every unit's chain (or --unit's) and prints one line per unit; a broken chain \
            names the table, the row id, the chain position (seq) and the problem. \
            --export-head FILE writes the verified heads as JSON lines \
            {"unit","rows","head","verified_at"} (only when every chain verifies); keep that file \
            outside the database. --against FILE compares with heads exported earlier: the chain \
            must still hold each exported head at its seq. \
            --json prints one object per unit: unit, ok, rows, head, verified_at, and when broken \
            problem, broken_seq, broken_table, broken_id; with --against also anchor_rows, \
            anchor_head, anchor_verified_at. \
            Exit 0 when every chain verifies, 65 when one is broken (or FILE is not a head file), \
            77 when the unit is not visible to you, 69 when the database cannot be reached, 73 when \
            the head file cannot be written.
            """)

    @OptionGroup var options: ConnectionOptions

    @Option(name: .customLong("unit"), help: ArgumentHelp("Bare denne enheten.", valueName: "CODE"))
    var unit: String?

    @Option(name: .customLong("export-head"), help: ArgumentHelp("Skriv kjedehodene (JSON-linjer) til filen.", valueName: "FILE"))
    var exportHead: String?

    @Option(name: .customLong("against"), help: ArgumentHelp("Sammenlign med hoder eksportert tidligere.", valueName: "FILE"))
    var against: String?

    @Flag(name: .long, help: "Skriv ett JSON-objekt per enhet.")
    var json = false

    func run() throws {
        let l = options.language
        let anchors = try against.map { try readAnchors($0, language: l) } ?? []
        let connection = try options.connect()
        defer { connection.close() }
        let verifier = ChainVerifier(connection: connection)
        let results: [ChainVerification]
        do {
            if let unit {
                results = [try verifier.verify(unit: unit.uppercased(), against: anchors)]
            } else {
                results = try verifier.verifyAll(against: anchors)
            }
        } catch {
            throw CLI.report(error, language: l)
        }
        if results.isEmpty { CLI.fail(VerifyText.noUnits, language: l) }
        for result in results {
            print(json ? result.jsonLine : result.message(l))
        }
        let broken = results.filter { !$0.ok }.count
        if let exportHead {
            guard broken == 0 else {
                // A head of a broken chain would anchor the tampering: refuse rather than write it.
                CLI.fail(VerifyText.notExported(exportHead), language: l)
                throw ExitStatus.badData
            }
            do {
                try Data(ChainHead.file(results.map(\.exportedHead)).utf8)
                    .write(to: URL(fileURLWithPath: exportHead), options: .atomic)
            } catch {
                CLI.fail(VerifyText.cannotWrite(exportHead), language: l)
                throw ExitStatus.cannotCreate
            }
            if !json { CLI.stderr(VerifyText.exported(results.count, exportHead)(l)) }
        }
        if broken > 0 {
            CLI.fail(VerifyText.brokenSummary(broken, results.count), language: l)
            throw ExitStatus.badData
        }
    }

    /// The heads of `path`, or exit 64 (unreadable) / 65 (not a head file).
    private func readAnchors(_ path: String, language l: Language) throws -> [ChainHead] {
        guard let data = FileManager.default.contents(atPath: path) else {
            CLI.fail(VerifyText.cannotRead(path), language: l)
            throw ExitStatus.usage
        }
        do {
            return try ChainHead.parse(String(decoding: data, as: UTF8.self))
        } catch let error as ChainHeadFileError {
            CLI.fail(VerifyText.notAHeadFile(path, line: error.line), language: l)
            throw ExitStatus.badData
        }
    }
}
