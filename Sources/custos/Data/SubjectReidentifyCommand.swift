import ArgumentParser
import CustosServices
import Foundation

/// `custos subject reidentify RECORD --reason TEXT`: the originals behind a record's pseudonyms.
struct SubjectReidentifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reidentify",
        abstract: "Show the real values behind a record's pseudonyms (audited, needs a reason).")

    @Argument(help: ArgumentHelp("The record's id.", valueName: "RECORD"))
    var record: String

    @Option(help: ArgumentHelp("Why (recorded in the audit log).", valueName: "TEXT"))
    var reason: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let recordID = UUID(uuidString: record) else { throw ValidationError("'\(record)' is not a record id") }
        let originals = try await store.withVault { vault in
            try await vault.reidentify(record: recordID, actor: CommandActor.current, reason: reason)
        }
        if originals.isEmpty { throw CommandFailure(message: "record \(record) has no pseudonymised values") }
        for role in originals.keys.sorted() {
            for (name, value) in (originals[role] ?? [:]).sorted(by: { $0.key < $1.key }) {
                print("\(role).\(name): \(value)")
            }
        }
    }
}
