import ArgumentParser
import CustosCore
import CustosServices

/// `custos message check FILE`: the template against the policy in force.
struct MessageCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a message template against the policy: purpose, list, channel and the values it uses.")

    @Argument(help: ArgumentHelp("The template file.", valueName: "FILE")) var template: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let template = try MessageTemplateFile.load(template)
        try await store.withVault { vault in
            do {
                try template.check(against: vault.policy)
            } catch let error as MessageTemplateError {
                throw CommandFailure(message: "error: \(error.description)")
            }
        }
        print(
            "\(template.name): purpose \(template.purpose), list \(template.list ?? "none"), channel \(template.channel.rawValue); uses \(template.variables.map { "{{\($0.name)}}" }.joined(separator: ", "))"
        )
    }
}
