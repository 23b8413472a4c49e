import Foundation

/// The package's own files, read by the catalogue tests (found from this file's path, so the
/// tests need no working directory).
enum SourceTree {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every file under `folder` whose name ends in `suffix`, with its text, in path order.
    static func files(under folder: String, suffix: String) -> [(path: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        var out: [(String, String)] = []
        for case let url as URL in walker where url.lastPathComponent.hasSuffix(suffix) {
            // Sources/Store/sql is a link to sql/; read the migrations once, from sql/.
            if url.path.contains("/Sources/Store/sql/") { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            out.append((String(url.path.dropFirst(root.path.count + 1)), text))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// All matches of capture group 1 of `pattern` in `text`.
    static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
