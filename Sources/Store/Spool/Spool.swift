public import Foundation
public import VaktloggCore
#if canImport(Glibc)
import Glibc
#endif

/// The offline spool: entries logged while the database could not be reached, one file each,
/// written atomically and fsynced (mode 0600), delivered later by `vaktlogg sync`.
///
/// Each file carries the draft with its idempotency key and original reported time, so a delivery
/// that is repeated or interrupted stores the entry exactly once, with the time it was reported.
public struct Spool: Sendable {
    /// One spooled entry.
    public struct Item: Sendable {
        /// The file in the spool.
        public let file: URL
        /// The entry waiting to be delivered.
        public let draft: EntryDraft
        /// The login the officer used when spooling (delivered as the same user).
        public let user: String?
        /// When it was queued.
        public let spooledAt: Date
    }

    /// A spool file that cannot be read (kept in place for a person to look at).
    public struct Unreadable: Sendable {
        /// The file in the spool.
        public let file: URL
    }

    /// The spool directory.
    public let directory: URL

    /// A spool in `directory` (created on first write).
    public init(directory: URL) {
        self.directory = directory
    }

    private struct Envelope: Codable {
        var version: Int
        var user: String?
        var spooledAt: String
        var draft: EntryDraft

        enum CodingKeys: String, CodingKey {
            case version, user, draft
            case spooledAt = "spooled_at"
        }
    }

    /// Writes the draft (which must carry an idempotency key and reported time) and returns its file.
    @discardableResult
    public func write(_ draft: EntryDraft, user: String?, now: Date = Date()) throws -> URL {
        precondition(draft.idempotencyKey != nil && draft.reportedAt != nil, "spooled drafts carry key and reported time")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Envelope(version: 1, user: user, spooledAt: OsloTime.rfc3339(now), draft: draft))
        // Names sort by time, so delivery keeps the order in which entries were reported.
        let stamp = String(format: "%015.0f", now.timeIntervalSince1970 * 1000)
        let name = "\(stamp)-\(draft.idempotencyKey!.uuidString.lowercased()).json"
        let final = directory.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).tmp")
        do {
            try Self.writeDurably(data, to: temporary)
        } catch {
            // A full disk must leave nothing half written behind (the temporary name is never
            // delivered, but it would hold the space and look like an entry to a person).
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, final.path) == 0 else { throw SpoolError.io("rename", errno) }
        try Self.syncDirectory(directory)
        return final
    }

    /// Spooled entries in the order they were spooled, and files that could not be read.
    public func pending() -> (items: [Item], unreadable: [Unreadable]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var items: [Item] = []
        var unreadable: [Unreadable] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let file = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path),
                  let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else {
                unreadable.append(Unreadable(file: file))
                continue
            }
            items.append(Item(file: file, draft: envelope.draft, user: envelope.user,
                              spooledAt: OsloTime.parse(envelope.spooledAt) ?? Date(timeIntervalSince1970: 0)))
        }
        return (items, unreadable)
    }

    /// How many entries wait in the spool.
    public var count: Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.count
    }

    /// Removes a delivered item (after its transaction committed).
    public func remove(_ item: Item) throws {
        guard unlink(item.file.path) == 0 || errno == ENOENT else { throw SpoolError.io("unlink", errno) }
        try Self.syncDirectory(directory)
    }

    private static func writeDurably(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SpoolError.io("open", errno) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SpoolError.io("write", errno)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw SpoolError.io("fsync", errno) }
    }

    private static func syncDirectory(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SpoolError.io("open directory", errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw SpoolError.io("fsync directory", errno) }
    }
}

/// A spool file operation failed (the entry was NOT saved when this comes from `write`).
public struct SpoolError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public let operation: String
    /// The `errno`.
    public let code: Int32

    static func io(_ operation: String, _ code: Int32) -> SpoolError { SpoolError(operation: operation, code: code) }

    public var description: String { "\(operation): \(String(cString: strerror(code)))" }
}
