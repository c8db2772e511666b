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
            "The master key file (default: master.key in the data folder; ./custos-master.key with --database). CUSTOS_MASTER_KEY, when set, or the command in CUSTOS_MASTER_KEY_COMMAND, is used instead.",
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

    /// Opens the installation for the length of `body`. The services' errors reach the user
    /// through `Custos.exitStatus(for:)`.
    func withInstallation<Result: Sendable>(_ body: (Installation) async throws -> Result) async throws -> Result {
        try await location().withInstallation(keys: keys, logger: Logger(label: "custos.store"), body)
    }

    /// Opens the installation and the workspace's vault for the length of `body`.
    func withVault<Result: Sendable>(_ body: (Vault) async throws -> Result) async throws -> Result {
        try await withInstallation { installation in
            let workspace = try await installation.resolveWorkspace(self.workspace)
            return try await body(installation.vault(workspace))
        }
    }
}
