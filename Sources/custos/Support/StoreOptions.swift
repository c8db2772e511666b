import ArgumentParser
import CustosStore
import Logging

/// Where the data lives, as every command that touches it takes it.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite data folder.", valueName: "DIR"))
    var data: String = "./custos-data"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A PostgreSQL URL, postgres://user:password@host:port/database, used instead of --data.", valueName: "URL"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("The workspace, where there is more than one.", valueName: "NAME"))
    var workspace: String?

    func location() throws -> StoreLocation {
        do {
            return try StoreLocation(dataDirectory: data, databaseURL: database)
        } catch let error as StoreError {
            throw ValidationError(error.message)
        }
    }

    /// Opens the store for the length of `body`.
    func withStore<Result: Sendable>(_ body: (any CustosStore) async throws -> Result) async throws -> Result {
        let logger = Logger(label: "custos.store")
        do {
            return try await location().withStore(logger: logger, body)
        } catch let error as StoreError {
            throw CommandFailure(message: "error: \(error.message)")
        }
    }
}
