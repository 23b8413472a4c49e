import Foundation
import Hummingbird
import HummingbirdCore
import HTTPTypes
import Postgres
import Rules
import Store
import VaktloggCore
import VaktloggText

extension VaktloggServer {
    /// `POST /entries` (any of the four kinds), `GET /entries` (filters and triage order as
    /// `vaktlogg list`), `GET /entries/{ref}` (as `vaktlogg show`).
    func addEntries(_ router: Router<BasicRequestContext>) {
        router.post("/entries") { request, _ in
            let data = try await body(request)
            try RequestBody.refuseNUL(data)
            let draft: EntryDraft
            do {
                draft = try EntryDraft.decode(json: data)
            } catch let error as ValidationError {
                throw Problem(StoreError(error))
            }
            let key = try Self.idempotencyKey(request)
            return try await asUser(request) { scope in
                try scope.acting { c, user in
                    var d = draft
                    if let key { d.idempotencyKey = IdempotencyKey.uuid(user: user, key: key) }
                    let session = StoreSession.joining(c)
                    let logged = try session.entries.log(d)
                    let summary = try session.repository.summary(ref: logged.ref)
                    var headers = [("Location", "/entries/\(logged.ref)")]
                    if logged.alreadyStored { headers.append(("Idempotent-Replayed", "true")) }
                    return Reply(status: 201, json: EntryJSON.created(logged, summary, now: Date()), headers: headers)
                }
            }
        }
        router.get("/entries") { request, _ in
            let filter = try Self.filter(request.uri.queryParameters)
            return try await asUser(request) { scope in
                try scope.committed { c in
                    let now = Date()
                    let entries = try EntryRepository(connection: c).list(filter, now: now)
                    return Reply(json: entries.map { EntryJSON.summary($0, now: now) })
                }
            }
        }
        router.get("/entries/{ref}") { request, context in
            let ref = try context.parameters.require("ref")
            return try await asUser(request) { scope in
                Reply(json: EntryJSON.detail(try EntryRepository.detail(ref: ref, in: scope), now: Date()))
            }
        }
    }

    /// The `Idempotency-Key` header: 1–200 visible ASCII characters, or a 400.
    static func idempotencyKey(_ request: Request) throws(Problem) -> String? {
        guard let name = HTTPField.Name("Idempotency-Key"), let key = request.headers[name] else { return nil }
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw Problem(status: 400, code: "idempotency_key_invalid", field: "Idempotency-Key", detail: APIText.idempotencyKey)
        }
        return key
    }

    static let listParameters = ["unit", "kind", "status", "tier", "overdue", "text", "limit"]

    /// The filter of `GET /entries` from its query; unknown parameters and values are refused
    /// (a misspelt filter must not silently widen the list).
    static func filter(_ q: FlatDictionary<Substring, Substring>) throws(Problem) -> EntryFilter {
        var f = EntryFilter()
        for (key, _) in q where !listParameters.contains(String(key)) {
            throw Problem.invalid(String(key), APIText.unknownField(allowed: listParameters), code: "unknown_field")
        }
        f.units = q.getAll("unit").map { String($0) }
        for k in q.getAll("kind") {
            guard let kind = EntryKind(rawValue: String(k)) else { throw RequestBody.unknown("kind", EntryKind.allCases.map(\.rawValue)) }
            f.kinds.append(kind)
        }
        for s in q.getAll("status") {
            if s == "all" { f.includeClosed = true; continue }
            guard let status = LifecycleStatus(code: String(s)) else {
                throw RequestBody.unknown("status", ["all"] + LifecycleStatus.allCodes)
            }
            f.statuses.append(status)
        }
        for t in q.getAll("tier") {
            let text = t.uppercased().hasPrefix("P") ? String(t.dropFirst()) : String(t)
            guard let n = Int(text), (1...4).contains(n) else { throw RequestBody.unknown("tier", ["1", "2", "3", "4", "P1", "P2", "P3", "P4"]) }
            f.tiers.append(n)
        }
        if let o = q.get("overdue") {
            guard o == "true" || o == "false" else { throw Problem.invalid("overdue", APIText.flag) }
            f.overdueOnly = o == "true"
        }
        f.text = q.get("text").map { String($0) }
        if let l = q.get("limit") {
            guard let n = Int(l), (1...10_000).contains(n) else { throw Problem.invalid("limit", APIText.limit, code: "out_of_range") }
            f.limit = n
        }
        return f
    }
}

/// An `Idempotency-Key` as the entry's stored key: a UUID derived from the acting user and the
/// key, so two users' keys never meet and a retry by the same user finds its first entry (the
/// database refuses a second row with the same key, under a lock: sql/014 `entries_prepare`).
enum IdempotencyKey {
    static func uuid(user: String, key: String) -> UUID {
        let h = Array(SHA256Digest.hex("vaktlogg-api\u{0}\(user)\u{0}\(key)"))
        func part(_ r: Range<Int>) -> String { String(h[r]) }
        // Shaped as a name-based UUID (version 5, RFC 4122 variant) so it reads as one.
        return UUID(uuidString: "\(part(0..<8))-\(part(8..<12))-5\(part(13..<16))-8\(part(17..<20))-\(part(20..<32))")!
    }
}
