import Foundation

/// Runs `body(0..<count)` on `count` threads of their own (not the cooperative pool: libpq calls
/// block), released together, and rethrows the first error once all have finished.
func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
    let start = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    let failure = FirstError()
    for i in 0..<count {
        group.enter()
        let thread = Thread {
            start.wait()
            do { try body(i) } catch { failure.record(error) }
            group.leave()
        }
        thread.start()
    }
    for _ in 0..<count { start.signal() }
    group.wait()
    if let error = failure.error { throw error }
}

/// The first error any thread recorded.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    func record(_ error: any Error) { lock.withLock { if first == nil { first = error } } }
    var error: (any Error)? { lock.withLock { first } }
}
