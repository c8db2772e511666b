public import ArgumentParser
import CustosCore

/// `custos policy ropa FILE`: the record of processing activities as CSV.
struct PolicyROPACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ropa",
        abstract: "Write the record of processing activities (Art 30) as CSV, one row per purpose.",
        discussion:
            "The ico layout follows the ICO's controller template: contact details in rows 1-6, column headings in row 9."
    )

    @Argument(help: "The policy file (YAML).")
    var file: String

    @Option(help: "ico (as the ICO template) or table (headings in row 1).")
    var layout: ROPACSVWriter.Layout = .ico

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "OUT.csv"))
    var output: String?

    func run() async throws {
        let loaded = try PolicyFile.load(file)
        let csv = try ROPACSVWriter(layout: layout).csv(RecordOfProcessing(policy: loaded.policy))
        try Console.write(csv, to: output)
    }
}

extension ROPACSVWriter.Layout: ExpressibleByArgument {}
