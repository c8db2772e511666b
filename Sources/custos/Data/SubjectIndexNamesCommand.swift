import ArgumentParser
import CustosServices
import Foundation

/// `custos subject index-names`: builds the blind index of names for people already held.
struct SubjectIndexNamesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index-names", abstract: "Index the names of the people already held, for a search by name.",
        discussion:
            "Records are indexed as they are written. Run this once after upgrading from a version without the name index, and after changing a record type's display_name. It is audited as one entry."
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let indexed = try await store.withVault { vault in try await vault.indexNames(actor: CommandActor.current) }
        print("Indexed the names in \(indexed) record parts.")
    }
}
