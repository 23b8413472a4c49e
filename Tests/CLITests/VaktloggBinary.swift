import Foundation

/// Finds and runs the built `vaktlogg` executable, for end-to-end tests of the CLI.
///
/// The executable is looked up, in order: `VAKTLOGG_BIN` (an explicit path); the build products
/// directory the running test bundle lives in (`.build/debug/VaktloggPackageTests.xctest` on
/// Linux, `…/VaktloggPackageTests.xctest/Contents/MacOS/…` on macOS); then `.build*/debug` and
/// `.build*/release` under the package root found from this file's path. `swift test` builds the
/// executable target too, so it is normally there; if not, `locate()` throws with the places it
/// looked.
///
/// `run` feeds standard input and drains standard output and error concurrently, so a child that
/// writes more than a pipe buffer (64 KiB) while we are still writing its input cannot deadlock.
struct VaktloggBinary: Sendable {
    /// The outcome of one run.
    struct Result: Sendable, CustomStringConvertible {
        /// The exit status (or `128 + signal` when killed by a signal).
        var exitCode: Int32
        /// Standard output, decoded as UTF-8.
        var stdout: String
        /// Standard error, decoded as UTF-8.
        var stderr: String

        /// Standard output split into lines, without the final empty one.
        var stdoutLines: [String] {
            var lines = stdout.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        }

        var description: String { "exit \(exitCode)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// Why the binary could not be found or run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The executable's location.
    let url: URL

    /// The built binary (see the type's documentation for the search order).
    static func locate(filePath: String = #filePath) throws -> VaktloggBinary {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["VAKTLOGG_BIN"], !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else {
                throw Failure(description: "VAKTLOGG_BIN=\(explicit) is not an executable file")
            }
            return VaktloggBinary(url: URL(fileURLWithPath: explicit))
        }
        var dirs: [URL] = []
        // The test runner: on Linux the .xctest is itself the executable in the products dir.
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        if let arg0 = CommandLine.arguments.first {
            let exe = URL(fileURLWithPath: arg0, relativeTo: cwd).standardizedFileURL.resolvingSymlinksInPath()
            dirs.append(contentsOf: productsDirectories(containing: exe))
        }
        for bundle in [Bundle.main] + Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") || bundle === Bundle.main {
            dirs.append(contentsOf: productsDirectories(containing: bundle.bundleURL.resolvingSymlinksInPath()))
        }
        // Fallback: the package root, from this source file (Tests/CLITests/VaktloggBinary.swift).
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scratch = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }.sorted()
        for dir in scratch {
            for config in ["debug", "release"] { dirs.append(root.appendingPathComponent(dir).appendingPathComponent(config)) }
        }
        var seen = Set<String>()
        for dir in dirs where seen.insert(dir.standardizedFileURL.path).inserted {
            let candidate = dir.appendingPathComponent("vaktlogg")
            if fm.isExecutableFile(atPath: candidate.path) { return VaktloggBinary(url: candidate) }
        }
        throw Failure(description: """
            the vaktlogg executable was not found; build it (swift build) or set VAKTLOGG_BIN. Looked in:
            \(seen.sorted().joined(separator: "\n"))
            """)
    }

    /// A child that exits without reading its input must fail the test, not kill the runner.
    private static let sigpipeIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// The directory holding `url` and, for a macOS test bundle, the directory holding the bundle.
    private static func productsDirectories(containing url: URL) -> [URL] {
        var out = [url.deletingLastPathComponent()]
        var u = url
        while u.path != "/" {
            if u.pathExtension == "xctest" { out.append(u.deletingLastPathComponent()) }
            u = u.deletingLastPathComponent()
        }
        return out
    }

    /// What a child inherits from the test runner: enough to find programs and a home, nothing that
    /// changes the product's answers (`VAKTLOGG_LANG`, `VAKTLOGG_RULES_FILE`, `VAKTLOGG_USER`,
    /// `VAKTLOGG_DATABASE_URL`, `LANG`, `TZ` … of the runner must not decide a test).
    static let inherited = ["PATH", "HOME", "TMPDIR", "VAKTLOGG_PG_BIN", "LLVM_PROFILE_FILE"]

    /// The minimal environment (``inherited``) plus `environment`; a `nil` value removes a variable.
    static func childEnvironment(_ environment: [String: String?]) -> [String: String] {
        let parent = ProcessInfo.processInfo.environment
        var env: [String: String] = [:]
        for key in inherited { env[key] = parent[key] }
        if env["PATH"] == nil { env["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        for (key, value) in environment { env[key] = value }
        return env
    }

    /// Runs `vaktlogg` with `arguments`, the minimal environment plus `environment` (see
    /// ``childEnvironment(_:)``), and `stdin` as standard input; kills it after `timeout` seconds.
    ///
    /// With `umask` (octal digits, e.g. "000") the child runs under that file-creation mask, so a
    /// test of file modes does not pass merely because the runner's own mask is strict.
    func run(
        _ arguments: [String], environment: [String: String?] = [:], stdin: String = "", timeout: TimeInterval = 120,
        umask: String? = nil
    ) throws -> Result {
        _ = Self.sigpipeIgnored
        let process = Process()
        if let umask {
            precondition(umask.allSatisfy { ("0"..."7").contains($0) }, "umask is octal digits")
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask \(umask) && exec \"$0\" \"$@\"", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.environment = Self.childEnvironment(environment)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start \(url.path): \(error)")
        }
        let group = DispatchGroup()
        let out = Collected(), err = Collected()
        let inputData = Data(stdin.utf8)
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async(group: group) {
            // The child may exit early without reading; with SIGPIPE ignored the write just fails.
            try? writer.write(contentsOf: inputData)
            try? writer.close()
        }
        let outHandle = output.fileHandleForReading, errHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: group) { out.set(outHandle.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { err.set(errHandle.readDataToEndOfFile()) }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            process.waitUntilExit()
            throw Failure(description: "vaktlogg \(arguments.joined(separator: " ")) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        let code = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(exitCode: code, stdout: String(decoding: out.get(), as: UTF8.self), stderr: String(decoding: err.get(), as: UTF8.self))
    }
}

/// Bytes collected on another thread.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}
