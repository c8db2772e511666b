import ArgumentParser
import CustosServices
import Foundation

/// `custos subject duplicates`: people who share an identifier, likely one person twice.
struct SubjectDuplicatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates", abstract: "List groups of people who share an identifier (likely duplicates).")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let groups = try await store.withVault { vault in try await vault.duplicateGroups() }
        if groups.isEmpty { print("No duplicates: no two people share an identifier.") }
        for group in groups {
            print(group.map { $0.uuidString.lowercased() }.joined(separator: " "))
        }
    }
}
