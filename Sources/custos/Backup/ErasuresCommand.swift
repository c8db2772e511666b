import ArgumentParser
import CustosServices
import Foundation

/// `custos erasures export|reapply`: the erasure journal, carried around a restore made by other
/// tools (PostgreSQL's pg_restore).
struct ErasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erasures", abstract: "Export the erasure journal, and re-apply one after a restore.",
        discussion: """
            Before restoring a database from a backup with other tools, export the journal; after, re-apply it: \
            everyone erased since the backup is erased again. The journal holds ids and dates, no personal data.
            """,
        subcommands: [ErasuresExportCommand.self, ErasuresReapplyCommand.self])
}

/// `custos erasures export`.
struct ErasuresExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the erasure journal as JSON.")

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it (default: standard output).", valueName: "file"))
    var output: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let journal = try await store.withInstallation { installation in try await installation.erasureReplay.journal()
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(journal)
        if let output {
            try OwnerOnlyFile.write(data, to: output)
            print("\(journal.count) erasures written to \(output)")
        } else {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

/// `custos erasures reapply FILE`.
struct ErasuresReapplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reapply", abstract: "Carry out again every erasure of an exported journal the database lacks.")

    @Argument(help: ArgumentHelp("A journal written by `custos erasures export`.", valueName: "FILE")) var file: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let journal = try Self.read(file)
        let replayed = try await store.withInstallation { installation in
            try await installation.erasureReplay.replay(journal, actor: CommandActor.current)
        }
        print("\(replayed) erasure\(replayed == 1 ? "" : "s") re-applied")
    }

    /// The journal in `file`, or a failure naming the file.
    static func read(_ file: String) throws -> [ErasureJournalEntry] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(
                [ErasureJournalEntry].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw CommandFailure(message: "error: \(file) is not an erasure journal written by custos erasures export")
        }
    }
}
