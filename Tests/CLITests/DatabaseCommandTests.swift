import Foundation
import Testing

@Suite("vaktlogg db")
struct DatabaseCommandTests {
    @Test func startStatusStopThroughTheBinary() throws {
        let bin = try VaktloggBinary.locate()
        let dir = "/tmp/vaktlogg-dbcmd-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? bin.run(["db", "stop", "--data-dir", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        let before = try bin.run(["db", "status", "--data-dir", dir])
        #expect(before.exitCode == 3)
        #expect(before.stdout.contains("ikke opprettet"))

        let first = try bin.run(["db", "start", "--data-dir", dir])
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdout.contains("opprettet og startet"))
        let second = try bin.run(["db", "start", "--data-dir", dir])
        #expect(second.exitCode == 0, "\(second)")
        #expect(second.stdout.contains("kjører"), "a second start reports the running cluster")

        let running = try bin.run(["db", "status"], environment: ["VAKTLOGG_DATA_DIR": dir])
        #expect(running.exitCode == 0)
        #expect(running.stdout.contains("\(dir)/socket"))

        let stopped = try bin.run(["db", "stop", "--data-dir", dir])
        #expect(stopped.exitCode == 0)
        let after = try bin.run(["db", "status", "--data-dir", dir])
        #expect(after.exitCode == 3)
        #expect(after.stdout.hasPrefix("stoppet"))
    }
}
