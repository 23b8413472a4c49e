import CNcurses
public import Foundation
public import Logging
public import VaktloggCore

/// The dashboard's one loop on one thread: draw, then `poll` on the terminal and the database
/// socket until one is readable or the next tick is due (no busy wait), turn what happened into
/// events, reduce, perform the effects.
public enum DashboardLoop {
    /// Runs until the user quits. Takes over the terminal and gives it back however it ends.
    public static func run(source: DashboardSource, language: Language, readonly: Bool, quiet: Bool,
                           environment: [String: String], logger: Logger) throws {
        let viewer = try source.viewer()
        try source.listen()
        let terminal = NcursesTerminal(environment: environment)
        defer { terminal.stop() }
        var state = DashboardState(viewer: viewer, language: language, rows: terminal.canvas.rows,
                                   columns: terminal.canvas.columns, now: Date(), readonly: readonly, quiet: quiet)
        var pending: [DashboardEffect] = [.reloadQueue, .countSpool]
        func apply(_ event: DashboardEvent) {
            let (next, effects) = DashboardReducer.reduce(state, event)
            state = next
            pending += effects
        }
        while true {
            // Effects produce events (a read's result), which may ask for more effects.
            while !pending.isEmpty {
                let effects = pending
                pending = []
                for effect in effects {
                    if effect == .quit { return }
                    perform(effect, source: source, terminal: terminal, language: language, now: Date()).forEach(apply)
                }
            }
            DashboardRenderer.draw(state, on: terminal.canvas)
            terminal.canvas.present()

            let db = source.socket ?? -1
            if db < 0, case .connected = state.connection {
                // The connection broke without a readable socket to tell (closed by libpq).
                source.dropConnection()
                apply(.connectionLost(at: Date()))
                continue
            }
            var keys: Int32 = 0, socket: Int32 = 0
            let r = vk_poll2(STDIN_FILENO, db, timeout(state), &keys, &socket)
            if r < 0 && errno != EINTR { throw POSIXError(.EIO) }
            if socket != 0 {
                do {
                    if try source.drainNotifications() { apply(.changeHinted) }
                } catch {
                    source.dropConnection()
                    apply(.connectionLost(at: Date()))
                }
            }
            // SIGWINCH interrupts the wait (EINTR); ncurses turns it into KEY_RESIZE inside get_wch.
            if keys != 0 || r < 0 { terminal.drainKeys().forEach(apply) }
            if r == 0 { apply(.tick(Date())) }
        }
    }

    /// Milliseconds until the next tick: the next whole minute (the clock and ages show minutes),
    /// or two seconds while disconnected (each tick tries to reconnect).
    static func timeout(_ s: DashboardState) -> Int32 {
        if case .lost = s.connection { return 2000 }
        let now = Date().timeIntervalSince1970
        let next = (now / 60).rounded(.down) * 60 + 60
        return Int32(max(50, min(60_000, (next - now) * 1000 + 5)))
    }

    /// Does one effect and returns what came of it.
    static func perform(_ effect: DashboardEffect, source: DashboardSource, terminal: NcursesTerminal,
                        language: Language, now: Date) -> [DashboardEvent] {
        func read(ref: String?, _ body: () throws -> DashboardEvent) -> [DashboardEvent] {
            do {
                return [try body()]
            } catch {
                if source.isConnectionLoss(error) {
                    source.dropConnection()
                    return [.connectionLost(at: now)]
                }
                return [.loadFailed(ref: ref, message: source.message(error, language: language))]
            }
        }
        switch effect {
        case .reloadQueue:
            return read(ref: nil) { .queueLoaded(try source.queue(now: now), at: now) }
        case .openDetail(let ref):
            return read(ref: ref) { .detailLoaded(try source.detail(ref: ref), at: now) }
        case .reconnect:
            do {
                try source.reconnect()
                return [.connectionRegained(at: now)]
            } catch {
                return []
            }
        case .bell:
            terminal.bell()
            return []
        case .runAction(let request):
            return read(ref: nil) {
                try source.run(request)
                return .actionDone(request, at: now)
            }
        case .judgeAction(let request):
            return read(ref: nil) { try source.judge(request, language: language) }
        case .judgeDraft(let draft):
            return [source.judge(draft, now: now, language: language)]
        case .logEntry(let draft):
            return source.log(draft, now: now, language: language)
        case .countSpool:
            return [.spoolCounted(source.spoolCount())]
        case .quit:
            return []
        }
    }
}
