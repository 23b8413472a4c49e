import Foundation
public import Hummingbird
import HummingbirdCore
import HTTPTypes
import NIOCore
import VaktloggCore

/// A response made on a database thread and sent by the event loop: status, JSON body, headers.
struct Reply: Sendable {
    var status: Int
    var body: Data
    var headers: [(String, String)] = []

    /// `object` (dictionaries, arrays, strings, numbers, NSNull) as JSON with sorted keys.
    init(status: Int = 200, json object: Any, headers: [(String, String)] = []) {
        self.status = status
        self.body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        self.headers = headers
    }

    /// The problem document of `problem` in `language`.
    init(_ problem: Problem, language: Language) {
        self.init(status: problem.status, json: problem.document(language))
        contentType = "application/problem+json"
    }

    var contentType = "application/json"

    var response: Response {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(status: HTTPResponse.Status(code: status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// The caller's language from `Accept-Language`: the first of bokmål (nb, no, nn) or English by
/// quality, else bokmål.
enum AcceptLanguage {
    static func resolve(_ header: String?) -> Language {
        guard let header else { return .nb }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first else { continue }
            var q = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            let language: Language? = tag.hasPrefix("en") ? .en
                : (tag.hasPrefix("nb") || tag.hasPrefix("no") || tag.hasPrefix("nn")) ? .nb : nil
            if let language, q > 0, q > (best?.1 ?? -1) { best = (language, q) }
        }
        return best?.0 ?? .nb
    }
}
