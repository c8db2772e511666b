import CustosCore
public import CustosStorage
public import Foundation
public import Logging
public import ServiceLifecycle

/// Tells the database, every ``interval`` for as long as the server runs, that it is running and
/// which master keys it holds (reading them again first, so a rotation made elsewhere is picked
/// up); key rotation waits for every server's report before it rewraps. Each report also tidies
/// the console's imports (``ConsoleImports/sweep(store:)``). A server stopping removes its report.
public struct ServerPresenceReporter: Service {
    /// How often a server reports.
    public static let interval: Duration = .seconds(10)
    /// How long a report counts as present: three reports.
    public static let window: TimeInterval = 30

    let store: any CustosStore
    let keys: MasterKeySource
    let holder: UUID
    let logger: Logger
    let startedAt = Date()

    public init(store: any CustosStore, keys: MasterKeySource, holder: UUID = JobClaim.processHolder, logger: Logger) {
        self.store = store
        self.keys = keys
        self.holder = holder
        self.logger = logger
    }

    /// This server's name in reports: its host and process id, worked out once (finding the
    /// host's name may ask the resolver).
    public static let name = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            // A moment for the server's migrations, which run beside this at start.
            try? await Task.sleep(for: .seconds(1))
            while !Task.isCancelled {
                await report()
                try? await Task.sleep(for: Self.interval)
            }
        }
        try? await store.removePresence(of: holder)
    }

    /// One report: the keys read again, then recorded with this server's name.
    public func report() async {
        let ring: MasterKeyRing
        do {
            ring = try keys.reload()
        } catch {
            // Keep serving with the keys held; rotation waits for this server until it reads them.
            logger.error("the master keys cannot be read again", metadata: ["error": "\(error)"])
            guard let held = try? keys.ring() else { return }
            ring = held
        }
        do {
            try await store.reportPresence(
                ServerPresence(
                    holder: holder, name: Self.name, startedAt: startedAt, keyIDs: ring.keys.map(\.id)))
            try await ConsoleImports.sweep(store: store)
        } catch {
            logger.error("presence cannot be reported", metadata: ["error": "\(type(of: error))"])
        }
    }
}
