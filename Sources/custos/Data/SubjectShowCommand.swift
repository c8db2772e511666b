import ArgumentParser
import CustosServices
import Foundation

/// `custos subject show ID`: everything held about a person, opened; the read is audited.
struct SubjectShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Show a person's records kept for a purpose, decrypted (the read is decided by the policy and audited).")

    @Argument(help: ArgumentHelp("The subject's id.", valueName: "ID"))
    var id: String

    @Option(help: ArgumentHelp("text or json", valueName: "FORMAT"))
    var format: OutputFormat = .text

    @OptionGroup var access: AccessOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let subjectID = UUID(uuidString: id) else { throw ValidationError("'\(id)' is not a subject id") }
        let view = try await store.withVault { vault in
            try await vault.read(
                subject: subjectID, as: CommandActor.user(of: vault), purpose: access.purpose, ground: access.ground,
                reason: access.reason)
        }
        switch format {
        case .json: print(try SubjectJSON.text(view))
        case .text: print(SubjectText.text(view))
        }
    }
}

/// The output formats of commands that print data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
