import ArgumentParser
import CustosDeployment
import CustosServices
import Foundation

/// `custos backup OUT [--keep-days N]` (a copy of a SQLite data folder's database), or
/// `custos backup --external --keep-days N` (a backup made by another tool, recorded).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to a file, with the server running or not.",
        discussion: """
            The copy holds every workspace, wrapped keys included, but not the master key file: back that up apart. \
            Each backup is recorded with the master keys it needs and how long it is kept, and key rotation keeps \
            those keys until then. For PostgreSQL use pg_dump, record it with --external, and see `custos erasures`.
            """)

    @Argument(help: ArgumentHelp("The file to write (must not exist).", valueName: "OUT")) var out: String?

    @Option(
        name: .customLong("keep-days"),
        help: ArgumentHelp(
            "How many days the backup is kept: the master keys it needs are kept that long.", valueName: "DAYS"))
    var keepDays = 30

    @Flag(help: "Record a backup made by another tool (pg_dump) now, without copying anything.")
    var external = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...3650).contains(keepDays) else { throw ValidationError("--keep-days must be from 1 to 3650") }
        if external, out != nil { throw ValidationError("--external records a backup made elsewhere: give no OUT") }
        if !external, out == nil { throw ValidationError("give the file to write (OUT), or --external") }
    }

    func run() async throws {
        let keep = TimeInterval(keepDays) * 86_400
        let record: @Sendable (String) async throws -> Void = { kind in
            try await store.withInstallation { installation in
                _ = try await installation.recordBackup(kind: kind, keepFor: keep, actor: CommandActor.current)
            }
        }
        guard let out else {
            try await record("external")
            print("Recorded a backup kept for \(keepDays) days.")
            return
        }
        // Recorded first, so that a rotation started meanwhile keeps the keys the copy holds.
        try await record("copy")
        do {
            try store.location().backup(to: URL(fileURLWithPath: out))
        } catch StoreLocationError.sqliteOnly {
            throw CommandFailure(
                message:
                    "error: custos backup copies a SQLite data folder; for PostgreSQL use pg_dump, record it with custos backup --external, and use `custos erasures export` and `reapply` around a restore"
            )
        }
        print(out)
    }
}
