import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import SwiftCSV
import Testing
import VaktloggCore

/// The report's machine formats read back by independent readers, on the hand-computed fixture of
/// `SIKReportFixtureTests`: the JSON validated against `docs/report-sik.schema.json` by a real
/// JSON-Schema validator, the CSV parsed by a CSV library and compared number by number with the
/// JSON, the HTML parsed as XML and checked for external references, and the HTML rendered to PDF by
/// headless Chromium and read back with `pdftotext`.
///
/// The external tools are Debian packages that `ops/setup.sh --reports` installs (and `ops/test.sh`,
/// so CI, asks for): `chromium`, `poppler-utils` and `python3-jsonschema`. A missing one fails the
/// test naming the package, rather than skipping it: a skipped format test proves nothing.
@Suite("SIK report formats read back by independent readers")
struct SIKReportFormatTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let schema = repository.appendingPathComponent("docs/report-sik.schema.json")

    static func report() throws -> (SIKReportFixtureTests.Fixture, SIKReport) {
        let f = try SIKReportFixtureTests.fixture()
        return (f, try SIKReportFixtureTests.build(f, .region("OST"), as: f.manager))
    }

    // MARK: JSON against its schema

    /// Validates with Debian's python3-jsonschema (the reference implementation of JSON Schema
    /// 2020-12), run by /usr/bin/python3 so the packaged module is the one used, whatever python3
    /// is first on PATH. A validator written here for the subset the schema uses would share its
    /// author's misreadings of the spec; the schema itself is checked against the metaschema first.
    /// `format` is asserted too (jsonschema only annotates it by default): date and date-time as
    /// the report writes them, RFC 3339 in UTC.
    static func validate(json: String) throws -> (ok: Bool, message: String) {
        let python = "/usr/bin/python3"
        let script = #"""
        import json, re, sys
        try:
            import jsonschema
        except ImportError:
            print("python3-jsonschema is not installed (Debian package python3-jsonschema; ops/setup.sh --reports)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        doc = json.load(open(sys.argv[2]))
        jsonschema.Draft202012Validator.check_schema(schema)
        fc = jsonschema.FormatChecker(formats=())
        @fc.checks("date-time")
        def date_time(s):
            return not isinstance(s, str) or re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s) is not None
        @fc.checks("date")
        def date(s):
            return not isinstance(s, str) or re.fullmatch(r"\d{4}-\d\d-\d\d", s) is not None
        errors = sorted(jsonschema.Draft202012Validator(schema, format_checker=fc).iter_errors(doc), key=lambda e: list(e.path))
        for e in errors:
            print("/".join(str(p) for p in e.path) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """#
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return (false, "/usr/bin/python3 is missing (Debian package python3-jsonschema; ops/setup.sh --reports)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sik-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("report.json")
        try Data(json.utf8).write(to: doc)
        let r = try Self.run(python, ["-c", script, schema.path, doc.path])
        return (r.status == 0, r.output)
    }

    @Test func jsonValidatesAgainstTheDocumentedSchema() throws {
        let (_, r) = try Self.report()
        let json = try JSONRenderer().render(r)
        let result = try Self.validate(json: json)
        #expect(result.ok, "\(result.message)")

        // The validator can fail: a document that breaks the schema in three ways is refused, each
        // named (positive control above, so the refusal is the schema's and not a broken script).
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var sections = try #require(doc["sections"] as? [[String: Any]])
        sections[0]["metrics"] = nil
        sections[1]["surprise"] = true
        doc["sections"] = sections
        doc["generated_at"] = "1 November 2026"
        let broken = String(decoding: try JSONSerialization.data(withJSONObject: doc), as: UTF8.self)
        let refused = try Self.validate(json: broken)
        #expect(!refused.ok)
        #expect(refused.message.contains("'metrics' is a required property"), "\(refused.message)")
        #expect(refused.message.contains("surprise"), "\(refused.message)")
        #expect(refused.message.contains("generated_at"), "\(refused.message)")
    }

    // MARK: CSV read back and compared with the JSON

    @Test func csvReadBackByAParserCarriesTheJSONNumbers() throws {
        let (_, r) = try Self.report()
        let csvText = CSVRenderer().render(r)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONRenderer().render(r).utf8)) as? [String: Any])
        let csv = try NamedCSV(string: csvText, delimiter: .comma, loadColumns: false)
        #expect(csv.header == CSVRenderer.header)
        let sections = try #require(json["sections"] as? [[String: Any]])
        #expect(sections.count == 4)
        let metricsPerSection = try sections.map { try #require($0["metrics"] as? [[String: Any]]).count }
        #expect(metricsPerSection.allSatisfy { $0 == SIKMetric.all.count })
        #expect(csv.rows.count == metricsPerSection.reduce(0, +))

        // Every CSV row against its JSON metric: the same numerator, denominator, value and
        // judgement, now and in the previous period.
        func text(_ x: Any?) -> String {
            switch x {
            case let n as NSNumber:
                let d = n.doubleValue
                return d == d.rounded() ? String(Int64(d)) : String(d)
            default: return ""
            }
        }
        var compared = 0
        for row in csv.rows {
            let unit = row["unit"] ?? ""
            let section = try #require(sections.first { ($0["unit"] as? String ?? "") == unit }, "section \(unit)")
            let metric = try #require((section["metrics"] as? [[String: Any]])?.first { $0["code"] as? String == row["metric"] })
            for (prefix, key) in [("", "current"), ("previous_", "previous")] {
                let v = try #require(metric[key] as? [String: Any])
                #expect(row[prefix + "numerator"] == text(v["numerator"]), "\(unit) \(row["metric"] ?? "") \(key)")
                #expect(row[prefix + "denominator"] == text(v["denominator"]), "\(unit) \(row["metric"] ?? "") \(key)")
                #expect(row[prefix + "value"] == text(v["value"]), "\(unit) \(row["metric"] ?? "") \(key)")
                #expect(row[prefix + "judgement"] == v["judgement"] as? String)
            }
            #expect(row["source"] == metric["source"] as? String)
            compared += 1
        }
        #expect(compared == 4 * SIKMetric.all.count)
        // And the hand-computed numbers themselves, through the parser (not by string search).
        let aClosed = try #require(csv.rows.first { $0["unit"] == "AUNIT" && $0["metric"] == "deviations_closed_in_time" })
        #expect(aClosed["numerator"] == "1" && aClosed["denominator"] == "4" && aClosed["value"] == "0.25")
        let cNoData = try #require(csv.rows.first { $0["unit"] == "CUNIT" && $0["metric"] == "deviations_acknowledged_in_time" })
        #expect(cNoData["value"] == "" && cNoData["judgement"] == "no_data")
        let rollUp = try #require(csv.rows.first { $0["unit"] == "" && $0["metric"] == "deviations_acknowledged_in_time" })
        #expect(rollUp["numerator"] == "3" && rollUp["denominator"] == "6" && rollUp["value"] == "0.5")
    }

    // MARK: HTML: one self-contained file

    /// What an XML parser sees of a document: element and attribute names, text per table row,
    /// all text, and the style sheet.
    final class HTMLShape: NSObject, XMLParserDelegate {
        var elements: Set<String> = []
        var attributes: [String: String] = [:]
        var rows: [[String]] = []
        var text = ""
        var style = ""
        private var row: [String]?
        private var cell: String?
        private var inStyle = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.insert(name)
            for (k, v) in attributes { self.attributes[k, default: ""] += v + " " }
            if name == "tr" { row = [] }
            if name == "td" || name == "th" { cell = "" }
            if name == "style" { inStyle = true }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "td" || name == "th", let c = cell { row?.append(c); cell = nil }
            if name == "tr", let r = row { rows.append(r); row = nil }
            if name == "style" { inStyle = false }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            cell? += string
            if inStyle { style += string }
        }
    }

    /// Elements and attributes that can never load anything. Anything else (img, script, link,
    /// iframe, object, use, image, src, href, xlink:href, srcset, style=…) fails the test: an
    /// allow-list, so a new way of reaching out is caught without being foreseen.
    static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "br", "section", "table", "thead",
        "tbody", "tr", "th", "td", "code", "ul", "li", "figure", "figcaption", "svg", "desc", "text", "rect",
    ]
    static let allowedAttributes: Set<String> = ["lang", "charset", "class", "role", "width", "height", "viewBox", "x", "y", "fill", "font-size"]

    static func externalReferences(_ html: String) throws -> [String] {
        let shape = HTMLShape()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = shape
        guard parser.parse() else { return ["not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")"] }
        var found = shape.elements.subtracting(allowedElements).sorted().map { "element \($0)" }
        found += Set(shape.attributes.keys).subtracting(allowedAttributes).sorted().map { "attribute \($0)" }
        for needle in ["url(", "@import", "@font-face", "//"] where shape.style.contains(needle) { found.append("style \(needle)") }
        for (k, v) in shape.attributes where v.contains("://") || v.contains("data:") { found.append("value of \(k)") }
        return found
    }

    @Test func htmlIsOneSelfContainedFileWithTheNumbers() throws {
        let (f, r) = try Self.report()
        let html = HTMLRenderer(language: .en).render(r)
        #expect(try Self.externalReferences(html) == [])
        // The checker can fail: each way of loading something is named.
        let withImage = html.replacingOccurrences(of: "<h1>", with: "<img src=\"https://example.invalid/logo.png\"/><h1>")
        #expect(try Self.externalReferences(withImage) == ["element img", "attribute src", "value of src"])
        let withFont = html.replacingOccurrences(of: "<style>", with: "<style>@import \"x.css\";")
        #expect(try Self.externalReferences(withFont) == ["style @import"])

        let shape = HTMLShape()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = shape
        #expect(parser.parse())
        // The table rows carry the hand-computed numbers: AUNIT's closed-in-time share is the
        // fourth table's… rather than count tables, find the rows by their cells.
        #expect(shape.rows.contains(["Deviations closed in time", "25.0 % (1/4)", "no data", "≥ 90 %", "not met",
                                     "sik_metrics(unit, from, to) → deviations_closed_in_time"]))
        #expect(shape.rows.contains { $0.first == "Deviations acknowledged in time" && $0.dropFirst().first == "50.0 % (2/4)" })
        #expect(shape.rows.contains { $0.first == "Deviations acknowledged in time" && $0.dropFirst().first == "no data" })
        #expect(shape.text.contains("Justification: Gjentatte funn av brukerutstyr"))
        #expect(!shape.text.contains(f.reporter))
        // Charts are inline SVG with text alternatives.
        #expect(shape.elements.isSuperset(of: ["svg", "desc", "figcaption"]))
    }

    // MARK: PDF by headless Chromium

    @Test func pdfRenderedByHeadlessChromiumCarriesTheNumbers() throws {
        try #require(PDFRenderer.chromium() != nil, "headless Chromium is missing: install the Debian package chromium (ops/setup.sh --reports)")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"),
                     "pdftotext is missing: install the Debian package poppler-utils (ops/setup.sh --reports)")
        let (f, r) = try Self.report()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sik-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("report.pdf"), png = dir.appendingPathComponent("report.png")
        try PDFRenderer().render(html: HTMLRenderer(language: .nb).render(r), to: pdf, screenshot: png)

        let pdfBytes = try Data(contentsOf: pdf)
        #expect(pdfBytes.starts(with: Array("%PDF-".utf8)))
        let pngBytes = try Data(contentsOf: png)
        #expect(pngBytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let info = try Self.run("/usr/bin/pdfinfo", [pdf.path])
        #expect(info.output.contains("(A4)"), "\(info.output)")
        let text = try Self.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
        #expect(text.status == 0)
        // Bokmål: decimal comma. AUNIT's shares, BUNIT's, the roll-up's, no data, the departure.
        for needle in ["SIK-rapport: OST", "25,0 % (1/4)", "50,0 % (2/4)", "50,0 % (1/2)", "50,0 % (3/6)", "ingen data",
                       "Gjentatte funn av brukerutstyr", "hash-kjeden er intakt", "sik_metrics(unit, from, to)"] {
            #expect(text.output.contains(needle), "\(needle) missing from the PDF text")
        }
        #expect(!text.output.contains(f.reporter))
    }

    // MARK: Support

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
