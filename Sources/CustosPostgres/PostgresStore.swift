public import CustosStorage
public import Logging
public import PostgresNIO
public import ServiceLifecycle

/// The PostgreSQL store, for organisations that outgrow one machine.
///
/// The client must be running (``run()``, or in a `ServiceGroup`) before the store is used; call
/// ``migrate()`` once it is.
public struct PostgresStore: CustosStore, Service {
    public let client: PostgresClient
    let url: PostgresConnectionURL
    let logger: Logger
    public let auditKeys = AuditKeys()

    public init(url: PostgresConnectionURL, logger: Logger) {
        client = PostgresClient(configuration: url.configuration, backgroundLogger: logger)
        self.url = url
        self.logger = logger
    }

    /// Runs the connection pool until cancelled or shut down gracefully.
    public func run() async throws {
        await client.run()
    }

    /// Runs `body` in a transaction, rethrowing the error that made it fail rather than the
    /// driver's wrapper, so callers see a ``StoreError`` as such.
    func transaction<Result: Sendable>(
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            throw Self.described(error.closureError ?? error)
        } catch {
            throw Self.described(error)
        }
    }

    /// Checks that the server can be reached, then brings the schema up to date.
    public func migrate() async throws {
        try await checkConnection()
        do {
            try await PostgresSchema.migrate(client, logger: logger)
        } catch let error as PostgresTransactionError {
            throw Self.described(error.closureError ?? error)
        } catch {
            throw Self.described(error)
        }
    }

    /// `error` as a ``StoreError`` naming its SQLSTATE and the server's message when the server
    /// refused a statement (the driver's own description says only "Generic description");
    /// any other error as it is.
    public static func described(_ error: any Error) -> any Error {
        if let transaction = error as? PostgresTransactionError {
            return described(transaction.closureError ?? transaction.rollbackError ?? transaction.commitError ?? error)
        }
        guard let error = error as? PSQLError else { return error }
        if let state = error.serverInfo?[.sqlState] {
            return StoreError.databaseFailed(state: state, message: error.serverInfo?[.message] ?? "no message")
        }
        let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return StoreError.databaseFailed(state: "none", message: reason)
    }

    /// One direct connection attempt (10 seconds at most), so that an unreachable or misconfigured
    /// server is reported at once with its reason, instead of being retried for ever by the pool.
    func checkConnection() async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: url.connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch let error as PSQLError {
            let reason = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
            throw StoreError.databaseUnreachable(url.description, reason: reason)
        } catch {
            throw StoreError.databaseUnreachable(url.description, reason: "\(error)")
        }
    }
}
