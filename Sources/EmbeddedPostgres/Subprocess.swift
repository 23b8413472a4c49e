import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and returns its exit status and output — safely when the program
/// leaves a daemon behind (`pg_ctl start`, `tmux new-session`).
///
/// Not Foundation's `Process`: `Process` hands the child a hidden socket it watches for exit, the
/// daemon inherits it, and the wait never ends. Here the child gets `/dev/null` as stdin, a capture
/// file as stdout and stderr, and no other descriptor.
public enum Subprocess {
    /// The program could not be started at all.
    public struct SpawnError: Error, CustomStringConvertible {
        public let code: Int32
        public let program: String
        public var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    /// Runs `argv` (`argv[0]` an absolute path), capturing stdout and stderr together.
    public static func run(_ argv: [String]) throws -> (exitCode: Int32, output: String) {
        let capture = FileManager.default.temporaryDirectory
            .appendingPathComponent("vaktlogg-subprocess-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: capture) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // closefrom(3) by hand: the `_np` call is hidden behind _GNU_SOURCE. glibc ignores EBADF
        // here, so a descriptor closed meanwhile by another thread does no harm.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw SpawnError(code: spawned, program: argv[0]) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOf: capture, encoding: .utf8)) ?? ""
        return (exitCode, output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
