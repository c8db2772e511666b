import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos audience`: the people who may be contacted, for a mailing tool.
struct AudienceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audience",
        abstract: "Export the people who may be contacted for a purpose, with their addresses.",
        discussion: """
            Every person the purpose concerns is put to the contact decision; only those allowed are \
            written, with the basis. The counts of those left out, and why, go to standard error. The \
            export is audited with its count.
            """)

    @OptionGroup var question: ContactQuestionOptions
    @Option(help: "csv or json.") var format: AudienceWriter.Format = .csv
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?
    @Option(help: ArgumentHelp("Why, in a few words (no personal data).", valueName: "TEXT")) var reason: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let file = try OutputFile(output)
        let summary: AudienceSummary
        do {
            summary = try await store.withVault { vault in
                let export = try await Contacts(vault: vault).exportAudience(
                    question.question, actor: CommandActor.current, reason: reason)
                var writer = AudienceWriter(format: format, question: question.question)
                try file.write(try writer.opening())
                let summary = try await export.write { members in try file.write(try writer.members(members)) }
                try file.write(try writer.closing(summary))
                return summary
            }
            try file.finish()
        } catch {
            file.abandon()
            throw error
        }
        let leftOut = summary.denied.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value) \($0.key.rawValue)" }
        Console.error(
            "\(summary.count) \(summary.count == 1 ? "person" : "people") may be contacted; left out: \(leftOut.isEmpty ? "none" : leftOut.joined(separator: ", ")); \(summary.withoutAddress) without an address."
        )
    }
}
