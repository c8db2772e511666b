import ArgumentParser
import CustosServices
import Foundation

/// `custos subject duplicates`: people who share an identifier, or the same name at the same
/// school: possibly one person twice.
struct SubjectDuplicatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List groups of people who may be one person twice: sharing an identifier, or a name at one school.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let groups = try await store.withVault { vault in try await vault.possibleDuplicates() }
        if groups.isEmpty {
            print("No possible duplicates: no two people share an identifier or a name at one school.")
        }
        for group in groups {
            print(group.map { $0.uuidString.lowercased() }.joined(separator: " "))
        }
    }
}
