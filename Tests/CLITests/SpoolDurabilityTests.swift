import Foundation
import Testing

/// The spool's promises that a power cut tests, checked without one: each file is written to a
/// hidden temporary, fsynced, renamed into place and its directory fsynced (seen with `strace`); a
/// temporary or partial file is never delivered; and when even the spool cannot be written the
/// officer is told so and the exit status is 70, not 69.
@Suite struct SpoolDurabilityTests {
    static let entry = ["log", "incident", "--category", "fire", "--text", "Røyk fra celle 3", "--probability", "2", "--consequence", "2"]

    @Test func aSpoolFileIsWrittenToATemporaryFsyncedRenamedAndItsDirectoryFsynced() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let trace = "/tmp/vaktlogg-strace-\(UUID().uuidString.prefix(8)).txt"
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let strace = VaktloggBinary(url: URL(fileURLWithPath: "/usr/bin/strace"))
        let r = try strace.run(["-f", "-qq", "-o", trace, "-e", "trace=openat,write,fsync,fdatasync,rename,renameat,renameat2",
                                w.bin.url.path] + Self.entry, environment: w.offlineEnvironment(officer))
        #expect(r.exitCode == 69, "\(r)")
        let file = try #require(w.spooled().first)
        let calls = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        let temporary = "\(w.spool.path)/.\(file.lastPathComponent).tmp"
        // The file descriptor the temporary was opened as.
        let openIndex = try #require(calls.firstIndex { $0.contains("openat(") && $0.contains("\"\(temporary)\"") && $0.contains("O_CREAT") },
                                     "temporary not opened:\n\(calls.joined(separator: "\n"))")
        let fd = try #require(calls[openIndex].split(separator: "=").last.map { $0.trimmingCharacters(in: .whitespaces) })
        let writeIndex = try #require(calls[openIndex...].firstIndex { $0.contains("write(\(fd),") })
        let fsyncIndex = try #require(calls[writeIndex...].firstIndex { $0.contains("fsync(\(fd))") || $0.contains("fdatasync(\(fd))") },
                                      "the temporary is not fsynced after writing")
        let renameIndex = try #require(calls.firstIndex { $0.contains("rename") && $0.contains("\"\(temporary)\"") && $0.contains("\"\(file.path)\"") },
                                       "the temporary is not renamed into place")
        #expect(fsyncIndex < renameIndex, "fsync before rename, so a crash never leaves a named but empty file")
        let dirOpen = try #require(calls[renameIndex...].firstIndex { $0.contains("openat(") && $0.contains("\"\(w.spool.path)\"") && $0.contains("O_DIRECTORY") },
                                   "the directory is not opened after the rename")
        let dirFd = try #require(calls[dirOpen].split(separator: "=").last.map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(calls[dirOpen...].contains { $0.contains("fsync(\(dirFd))") }, "the directory is fsynced after the rename")
        #expect(fileMode(file) == 0o600)
    }

    @Test func aTemporaryOrPartialFileIsNeverDelivered() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        let logged = try w.run(officer, Self.entry, env: w.offlineEnvironment(officer))
        #expect(logged.exitCode == 69, "\(logged)")
        let good = try #require(w.spooled().first)
        let body = try Data(contentsOf: good)
        // A temporary left by a crash before its rename, and a file cut short.
        let temporary = w.spool.appendingPathComponent(".000000000000001-0b8f9a9e-1111-4e11-8111-111111111111.json.tmp")
        try body.write(to: temporary)
        let partial = w.spool.appendingPathComponent("000000000000002-0b8f9a9e-2222-4e22-8222-222222222222.json")
        try body.prefix(body.count / 2).write(to: partial)

        let sync = try w.run(officer, ["sync"])
        #expect(sync.exitCode == 65, "an unreadable file is reported: \(sync)")
        #expect(sync.stderr.contains("kan ikke lese køfilen \(partial.path); den er latt urørt"), "\(sync)")
        #expect(!sync.stderr.contains(temporary.lastPathComponent), "a temporary is not even looked at")
        #expect(try w.count("entries") == 1, "only the complete file is delivered")
        #expect(try w.sql("SELECT text FROM entries") == "Røyk fra celle 3")
        #expect(FileManager.default.fileExists(atPath: partial.path), "kept in place for a person to look at")
        #expect(FileManager.default.fileExists(atPath: temporary.path))
        #expect(!FileManager.default.fileExists(atPath: good.path), "the delivered file is removed")
    }

    @Test func anEntryThatCannotEvenBeSpooledExits70AndSaysWriteItDown() throws {
        let w = try CLIWorld()
        let officer = try w.user("ola", "duty_officer", ["OSLO"])
        // The spool directory cannot be created: its parent is a regular file (refused even to root).
        let blocker = "/tmp/vaktlogg-blocker-\(UUID().uuidString.prefix(8))"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        defer { try? FileManager.default.removeItem(atPath: blocker) }
        var env = w.offlineEnvironment(officer)
        env["VAKTLOGG_SPOOL_DIR"] = "\(blocker)/spool"
        let r = try w.bin.run(Self.entry, environment: env)
        #expect(r.exitCode == 70, "\(r)")
        #expect(r.stderr.contains("oppføringen kunne IKKE lagres lokalt"), "\(r)")
        #expect(r.stderr.contains("Noter den på papir"), "\(r)")
        var english = env
        english["VAKTLOGG_LANG"] = "en"
        let en = try w.bin.run(Self.entry, environment: english)
        #expect(en.exitCode == 70)
        #expect(en.stderr.contains("could NOT be saved locally") && en.stderr.contains("Write it down on paper"), "\(en)")
        // Positive control: the same entry with a writable spool is spooled (69).
        #expect(try w.bin.run(Self.entry, environment: w.offlineEnvironment(officer)).exitCode == 69)
        #expect(w.spooled().count == 1)
    }
}
