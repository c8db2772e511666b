import ArgumentParser
import CustosDeployment
import CustosServices
import Foundation

/// `custos backup OUT`: a copy of a SQLite data folder's database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to a file, with the server running or not.",
        discussion: """
            The copy holds every workspace, wrapped keys included, but not the master key file: back that up apart. \
            For PostgreSQL use pg_dump, and see `custos erasures`.
            """)

    @Argument(help: ArgumentHelp("The file to write (must not exist).", valueName: "OUT")) var out: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            try store.location().backup(to: URL(fileURLWithPath: out))
        } catch StoreLocationError.sqliteOnly {
            throw CommandFailure(
                message:
                    "error: custos backup copies a SQLite data folder; for PostgreSQL use pg_dump, with `custos erasures export` and `reapply` around a restore"
            )
        }
        print(out)
    }
}
