public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The PostgreSQL store, for organisations that outgrow one machine.
///
/// The client must be running (``run()``, or in a `ServiceGroup`) before the store is used; call
/// ``migrate()`` once it is.
public struct PostgresStore: CustosStore, Service {
    public let client: PostgresClient
    let logger: Logger

    public init(url: PostgresConnectionURL, logger: Logger) {
        client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs the connection pool until cancelled or shut down gracefully.
    public func run() async throws {
        await client.run()
    }

    /// Brings the schema up to date.
    public func migrate() async throws {
        try await PostgresSchema.migrate(client, logger: logger)
    }
}
