public import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos policy ropa [FILE]`: the record of processing activities as CSV, from a policy file,
/// or from the workspace with what its registers show.
struct PolicyROPACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ropa",
        abstract: "Write the record of processing activities (Art 30) as CSV, one row per purpose.",
        discussion: """
            With FILE, from that policy alone. Without it, from the workspace's policy in force and its \
            registers: each purpose's row also names the recipients the disclosure log shows, links the \
            breaches that touched it, and says whether its records are kept and erased as the retention \
            rules say. The ico layout follows the ICO's controller template: contact details in rows 1-6, \
            column headings in row 9.
            """
    )

    @Argument(help: "The policy file (YAML); without it, the workspace's.")
    var file: String?

    @Option(help: "ico (as the ICO template) or table (headings in row 1).")
    var layout: ROPACSVWriter.Layout = .ico

    @Option(help: ArgumentHelp("The day the registers are read as of (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: CalendarDay?

    @Option(
        help: ArgumentHelp(
            "The privacy centre's public address, to link the retention schedule.", valueName: "URL"))
    var publicURL: String?

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "OUT.csv"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let record: RecordOfProcessing
        if let file {
            record = RecordOfProcessing(policy: try PolicyFile.load(file).policy)
        } else {
            let day = asOf ?? .today
            let base = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            record = try await store.withVault { vault in
                try await ProcessingRecords(vault: vault).build(
                    asOf: day, retentionScheduleURL: base.map { "\($0)/privacy/\(vault.workspace.name)/retention" })
            }
        }
        try Console.write(try ROPACSVWriter(layout: layout).csv(record), to: output)
    }
}

extension ROPACSVWriter.Layout: ExpressibleByArgument {}
