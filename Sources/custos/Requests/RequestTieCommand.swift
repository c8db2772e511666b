import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request tie ID --subject S`: records whose request it is.
struct RequestTieCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tie",
        abstract: "Record the person a request is about (one made online from an address on file for no one, say).",
        discussion: """
            Then record the requester's identity with `custos request verify`: the clock starts that day.
            """)

    @OptionGroup var request: RequestIDArgument
    @Option(help: ArgumentHelp("The person the request is about.", valueName: "ID"))
    var subject: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let subjectID = UUID(uuidString: subject) else {
            throw ValidationError("--subject: '\(subject)' is not a subject id")
        }
        let tied = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Requests(vault: vault).tie(id, to: subjectID, actor: CommandActor.current)
        }
        print(RequestText.line(tied))
    }
}
