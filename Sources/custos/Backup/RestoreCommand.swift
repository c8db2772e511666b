import ArgumentParser
import CustosDeployment
import CustosServices
import Foundation
import Logging

/// `custos restore IN`: a backup put back in place, with every later erasure re-applied.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Put a backup in place of the database, re-applying later erasures.",
        discussion: """
            Stop the server first. The database in the data folder is replaced by the copy; then every erasure \
            journaled in the database it replaces, and not in the copy, is carried out again, so no one erased \
            since the backup comes back. The master key file must be the one the copy's keys are wrapped with.
            """)

    @Argument(help: ArgumentHelp("The backup to restore.", valueName: "IN")) var input: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let journal: [ErasureJournalEntry]
        do {
            journal = try await store.location().restore(from: URL(fileURLWithPath: input))
        } catch StoreLocationError.sqliteOnly {
            throw CommandFailure(
                message:
                    "error: custos restore restores a SQLite data folder; for PostgreSQL use pg_restore between `custos erasures export` and `custos erasures reapply`"
            )
        }
        let replayed = try await store.withInstallation { restored in
            try await restored.erasureReplay.replay(journal, actor: CommandActor.current)
        }
        print("restored \(input); \(replayed) later erasure\(replayed == 1 ? "" : "s") re-applied")
    }
}
