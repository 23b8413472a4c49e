import EmbeddedPostgres
import Foundation

/// A program running in a real terminal: a detached tmux session on a private tmux server, driven
/// with `send-keys` and read with `capture-pane` (design.md §5).
final class TerminalSession {
    let socket = "vaktlogg-test-\(UUID().uuidString.prefix(8).lowercased())"
    let name = "t"

    /// Starts `arguments` with `environment` in a `columns`×`rows` terminal. The shell prints
    /// `EXIT=<status>` when the program ends, so a test can read how it ended.
    init(_ arguments: [String], environment: [String: String], columns: Int = 120, rows: Int = 30) throws {
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command = (["env"] + assignments + arguments.map(Self.quote)).joined(separator: " ")
            + "; echo EXIT=$?; sleep 120"
        try tmux(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types `text` and presses Enter.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
        try tmux(["send-keys", "-t", name, "Enter"])
    }

    /// Presses keys by tmux name (`Enter`, `Escape`, `j` …).
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", name] + names)
    }

    /// Resizes the terminal (the program gets SIGWINCH, ncurses a KEY_RESIZE).
    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The visible screen.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Waits until the screen contains `text` (checked every 50 ms), returning the screen; throws
    /// with the last screen after `timeout`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw TerminalError(description: "“\(text)” did not appear; screen:\n\(last)")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // Through Subprocess, not Process: the tmux server started by new-session would inherit
        // Process's exit-watch socket and the wait would never end.
        let result = try Subprocess.run(["/usr/bin/tmux", "-L", socket] + arguments)
        guard result.exitCode == 0 else {
            throw TerminalError(description: "tmux \(arguments.first ?? "") exited \(result.exitCode): \(result.output)")
        }
        return result.output
    }

    private static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

struct TerminalError: Error, CustomStringConvertible {
    let description: String
}
