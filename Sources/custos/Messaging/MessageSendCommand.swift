import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos message send FILE`: queue a template for people the contact decision allows.
struct MessageSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Queue a templated message in the outbox for chosen people, or for the purpose's audience.",
        discussion: """
            Each person is put to the contact decision for the template's purpose (and list); those \
            refused, and those without an email address, are counted on standard error, not queued. \
            Marketing messages carry a one-click unsubscribe link and List-Unsubscribe headers. The \
            outbox sends them: `custos outbox deliver`, or the server.
            """)

    @Argument(help: ArgumentHelp("The template file.", valueName: "FILE")) var template: String
    @Option(name: .customLong("subject"), help: ArgumentHelp("A subject's id (repeatable).", valueName: "ID"))
    var subjects: [String] = []
    @Flag(help: "Send to everyone the purpose concerns whom the decision allows.") var audience = false
    @OptionGroup var links: MessageLinkOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard subjects.isEmpty != !audience else {
            throw ValidationError("give --subject ID (one or more) or --audience, not both")
        }
        for text in subjects where UUID(uuidString: text) == nil {
            throw ValidationError("--subject: '\(text)' is not a subject id")
        }
    }

    func run() async throws {
        let template = try MessageTemplateFile.load(template)
        let ids = subjects.compactMap(UUID.init(uuidString:))
        let report = try await store.withVault { vault in
            try await Outbox(vault: vault).queue(
                template, to: audience ? nil : ids, settings: try links.settings(for: vault.policy),
                actor: CommandActor.current)
        }
        for id in report.queued { print(id.uuidString.lowercased()) }
        let leftOut = report.denied.sorted { $0.key.rawValue < $1.key.rawValue }.map {
            "\($0.value) \($0.key.rawValue)"
        }
        Console.error(
            "\(report.queued.count) queued; left out: \(leftOut.isEmpty ? "none" : leftOut.joined(separator: ", ")); \(report.withoutAddress) without an email address."
        )
    }
}
