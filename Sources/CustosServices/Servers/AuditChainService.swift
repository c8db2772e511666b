public import CustosStorage
public import Logging
public import ServiceLifecycle

/// Chains, every ``interval`` for as long as the server runs, the audit entries any process wrote
/// and left waiting (on PostgreSQL a write's entries are chained in batches, just after it,
/// unless another process was chaining at that moment).
public struct AuditChainService: Service {
    /// How often a server looks for entries waiting.
    public static let interval: Duration = .seconds(1)

    let store: any CustosStore
    let logger: Logger

    public init(store: any CustosStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                do {
                    try await store.chainPendingAudit()
                } catch {
                    logger.warning("audit entries wait to be chained", metadata: ["error": "\(type(of: error))"])
                }
            }
        }
        // Whatever this server wrote last is chained before it stops.
        try? await store.chainPendingAudit()
    }
}
