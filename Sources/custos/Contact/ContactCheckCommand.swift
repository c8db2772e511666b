import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos contact check`: the contact decision for one person.
struct ContactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Ask whether a person may be contacted.",
        subcommands: [ContactCheckCommand.self])
}

struct ContactCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "May this person be contacted on this channel for this purpose (and list), now?",
        discussion: "Prints allowed or denied with the reason; exits 1 when denied.")

    @OptionGroup var subject: SubjectOption
    @OptionGroup var question: ContactQuestionOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let id = try subject.id
        let decision = try await store.withVault { vault in
            try await Contacts(vault: vault).decide(subject: id, question.question)
        }
        print("\(decision.allowed ? "allowed" : "denied"): \(decision.reason.rawValue). \(decision.reason.explanation)")
        if !decision.allowed { throw ExitCode(1) }
    }
}

/// `--purpose P --channel C [--list L]`.
struct ContactQuestionOptions: ParsableArguments {
    @Option(help: "The policy purpose.") var purpose: String
    @Option(help: "email, sms, phone, post or fax.") var channel: MarketingChannel = .email
    @Option(help: "The list, for a purpose that has lists.") var list: String?

    var question: ContactQuestion { ContactQuestion(purpose: purpose, channel: channel, list: list) }
}
