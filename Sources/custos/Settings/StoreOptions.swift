import ArgumentParser
import CustosCore
import CustosDeployment
import CustosServices
import Foundation
import Logging

/// Where the data lives, as every command that touches it takes it. Each option left out is taken
/// from the settings (``Settings``: the environment, then the configuration file).
struct StoreOptions: ParsableArguments {
    @OptionGroup var config: ConfigOption

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp("The SQLite data folder. Default: CUSTOS_DATA, else ./custos-data.", valueName: "DIR"))
    var dataOption: String?

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A PostgreSQL URL, postgres://user:password@host:port/database, used instead of --data. Default: CUSTOS_DATABASE_URL, else none.",
            valueName: "URL"))
    var databaseOption: String?

    /// The SQLite data folder.
    var data: String { dataOption ?? Settings.current.value(.data) ?? "./custos-data" }

    /// The PostgreSQL database, if one is used.
    var database: String? { databaseOption ?? Settings.current.value(.database) }

    @Option(name: .long, help: ArgumentHelp("The workspace, where there is more than one.", valueName: "NAME"))
    var workspace: String?

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "The master key file (default: CUSTOS_KEY_FILE, else master.key in the data folder; ./custos-master.key with --database). CUSTOS_MASTER_KEY, when set, or the command in CUSTOS_MASTER_KEY_COMMAND, is used instead.",
            valueName: "FILE"))
    var keyFile: String?

    /// Where the master keys are.
    var keys: MasterKeySource {
        let path =
            keyFile ?? Settings.current.value(.keyFile)
            ?? (database == nil ? "\(data)/master.key" : "./custos-master.key")
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
