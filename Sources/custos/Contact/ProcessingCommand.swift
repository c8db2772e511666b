import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos processing STATE`: restrict, object to, or lift processing of a person's data.
struct ProcessingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "processing", abstract: "Restrict, object to or lift processing of a person's data.",
        discussion: """
            restricted: the data is stored but not used (UK GDPR Art 18). objected: the person objected \
            (Art 21); an objection to marketing also suppresses their addresses for marketing. active: \
            lifts either; lifting a restriction needs --told-on, the day the person was told (Art 18(3)). Leave out \
            --purpose for every purpose.
            """)

    @Argument(help: "restricted, objected or active.") var state: ProcessingState
    @OptionGroup var subject: SubjectOption
    @Option(help: "The policy purpose (default: every purpose).") var purpose: String?
    @Option(help: ArgumentHelp("Why, in a few words (no personal data).", valueName: "TEXT")) var reason: String
    @Option(
        help: ArgumentHelp("To lift a restriction: the day the person was told it would be.", valueName: "YYYY-MM-DD"))
    var toldOn: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try subject.id
        let entry = try await store.withVault { vault in
            try await Contacts(vault: vault).setProcessingState(
                state, subject: id, purpose: purpose, reason: reason, personToldOn: toldOn, actor: CommandActor.current)
        }
        print("Processing \(entry.state.rawValue) for \(entry.purpose ?? "every purpose").")
    }
}
