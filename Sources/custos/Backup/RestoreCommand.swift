import ArgumentParser
import CustosDeployment
import CustosServices
import Foundation
import Logging

/// `custos restore IN`: a backup put back in place, with every later erasure re-applied and its
/// place in the request register kept.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Put a backup in place of the database, re-applying later erasures.",
        discussion: """
            Stop the server first. The database in the data folder is replaced by the copy; then every erasure \
            journaled in the database it replaces (and in --journal, a journal written by `custos erasures \
            export`), and not in the copy, is carried out again, so no one erased since the backup comes back; \
            the erasure requests, their certificates and their tasks are kept in the register. Into a folder \
            with no database, there is no journal to read: --journal is then required. The master key file \
            must be the one the copy's keys are wrapped with.
            """)

    @Argument(help: ArgumentHelp("The backup to restore.", valueName: "IN")) var input: String
    @Option(help: ArgumentHelp("An erasure journal written by `custos erasures export`.", valueName: "FILE"))
    var journal: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let location = try store.location()
        var entries: [ErasureJournalEntry] = []
        var register: [ErasureReplay.ErasureRegisterEntry] = []
        if location.holdsDatabase {
            (entries, register) = try await store.withInstallation { current in
                let journal = try await current.erasureReplay.journal()
                return (journal, try await current.erasureReplay.registerEntries(for: journal))
            }
        } else if journal == nil {
            throw CommandFailure(
                message:
                    "error: the data folder has no database, so there is no erasure journal to re-apply: restoring would bring back everyone erased since the backup. Give the journal exported before (--journal FILE), from `custos erasures export`"
            )
        }
        if let journal { entries += try ErasuresReapplyCommand.read(journal) }
        do {
            _ = try await location.restore(from: URL(fileURLWithPath: input))
        } catch StoreLocationError.sqliteOnly {
            throw CommandFailure(
                message:
                    "error: custos restore restores a SQLite data folder; for PostgreSQL use pg_restore between `custos erasures export` and `custos erasures reapply`"
            )
        }
        let (replayed, kept) = try await store.withInstallation { restored in
            let replayed = try await restored.erasureReplay.replay(entries, actor: CommandActor.current)
            return (replayed, try await restored.erasureReplay.restore(register, actor: CommandActor.current))
        }
        print(
            "restored \(input); \(replayed) later erasure\(replayed == 1 ? "" : "s") re-applied; \(kept) erasure request\(kept == 1 ? "" : "s") kept in the register"
        )
    }
}
