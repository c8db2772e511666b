import ArgumentParser
import CustosServices
import Foundation

/// `custos subject merge DUPLICATE --into SURVIVOR --reason TEXT`.
struct SubjectMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge a duplicate into the person it duplicates, keeping history.",
        discussion:
            "The duplicate's records move to the survivor; the duplicate remains as a pointer, with its key destroyed.")

    @Argument(help: ArgumentHelp("The duplicate's id.", valueName: "DUPLICATE"))
    var duplicate: String

    @Option(help: ArgumentHelp("The id of the subject to keep.", valueName: "SURVIVOR"))
    var into: String

    @Option(help: ArgumentHelp("Why (recorded in the audit log).", valueName: "TEXT"))
    var reason: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let duplicateID = UUID(uuidString: duplicate), let survivorID = UUID(uuidString: into) else {
            throw ValidationError("give subject ids")
        }
        try await store.withVault { vault in
            try await vault.merge(duplicateID, into: survivorID, actor: CommandActor.current, reason: reason)
        }
        print("Merged \(duplicate) into \(into).")
    }
}
