public import ArgumentParser
import CustosCore

/// `custos policy notice FILE`: the Article 13/14 privacy notice, or a refusal listing what is missing.
struct PolicyNoticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Render the privacy notice (Articles 13 and 14) from a policy.",
        discussion: "Refuses, and lists what is missing, when an item the law requires cannot be produced.")

    @Argument(help: "The policy file (YAML).")
    var file: String

    @Option(help: "html or md.")
    var format: NoticeFormat = .html

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "OUT"))
    var output: String?

    func run() async throws {
        let loaded = try PolicyFile.load(file)
        let notice = try PolicyFile.notice(loaded)
        try Console.write(PrivacyNoticeRenderer().render(notice, as: format), to: output)
    }
}

extension NoticeFormat: ExpressibleByArgument {}
