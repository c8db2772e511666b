import ArgumentParser
import CustosCore
import CustosDeployment
import CustosServices
import Foundation
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

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "The master key file (default: master.key in the data folder; ./custos-master.key with --database). CUSTOS_MASTER_KEY, when set, is used instead.",
            valueName: "FILE"))
    var keyFile: String?

    /// Where the master keys are.
    var keys: MasterKeySource {
        let path = keyFile ?? (database == nil ? "\(data)/master.key" : "./custos-master.key")
        return MasterKeySource(fileURL: URL(fileURLWithPath: path))
    }

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
        let keys = self.keys
        do {
            return try await location().withStore(logger: logger) { store in
                // Where the master keys are at hand, the audit chain is written (and verified) under them.
                if keys.isAvailable { store.auditKeys.use(keys) }
                return try await body(store)
            }
        } catch let error as StoreError {
            throw CommandFailure(message: "error: \(error.message)")
        } catch let error as VaultError {
            throw CommandFailure(message: "error: \(error.message)")
        } catch let error as CryptoFailure {
            throw CommandFailure(message: "error: \(error.message)")
        } catch let error as AccessTokenError {
            throw CommandFailure(message: "error: \(error.message)")
        } catch let refusal as UseRefusal {
            throw CommandFailure(message: "error: \(refusal.message)")
        }
    }

    /// Opens the store and the workspace's vault for the length of `body`.
    func withVault<Result: Sendable>(_ body: (Vault) async throws -> Result) async throws -> Result {
        try await withStore { store in
            let workspace = try await store.resolveWorkspace(self.workspace)
            return try await body(Vault.open(store: store, workspace: workspace, keys: keys))
        }
    }
}
