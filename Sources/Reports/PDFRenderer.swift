public import Foundation

/// PDF rendered from the HTML by headless Chromium (Debian package `chromium`), when installed.
public struct PDFRenderer: Sendable {
    /// Why no PDF was made.
    public enum Failure: Error, Equatable {
        /// No Chromium binary was found on PATH.
        case chromiumMissing
        /// Chromium ran but wrote no PDF.
        case renderFailed
    }

    public init() {}

    /// The Chromium binary, or nil.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    /// Writes `html` to a temporary file and prints it to `output` as A4 PDF; `screenshot`, when
    /// given, also gets a PNG of the first screen.
    public func render(html: String, to output: URL, screenshot: URL? = nil) throws {
        guard let chromium = Self.chromium() else { throw Failure.chromiumMissing }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vaktlogg-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        var jobs = [["--print-to-pdf=\(output.path)", "--no-pdf-header-footer"]]
        if let screenshot { jobs.append(["--screenshot=\(screenshot.path)", "--window-size=1240,1754"]) }
        for job in jobs {
            let p = Process()
            p.executableURL = chromium
            p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.appendingPathComponent("profile").path)"]
                + job + [page.absoluteString]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        guard FileManager.default.fileExists(atPath: output.path) else { throw Failure.renderFailed }
    }
}
