import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request withhold ID --record R [--field F ...] --exemption E --reason TEXT`.
struct RequestWithholdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withhold",
        abstract: "Hold back a record, or some of its fields, from an access request under an exemption.",
        discussion: """
            Only the exemptions the policy lists (rights.withheld) may be used. The package leaves the item out \
            and says on which ground, except where saying so would itself prejudice crime prevention or harm a \
            child. The reason stays in the register.
            """)

    @OptionGroup var request: RequestIDArgument
    @Option(help: ArgumentHelp("The record.", valueName: "ID")) var record: String
    @Option(help: "A field of the person's part to hold back (repeatable; default: the whole record).")
    var field: [String] = []
    @Option(help: "The ground: \(Exemption.allCases.map(\.rawValue).joined(separator: ", ")).") var exemption: Exemption
    @Option(help: "Why, for the register.") var reason: String
    @Option(help: ArgumentHelp("The day it was decided (default: today).", valueName: "YYYY-MM-DD"))
    var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let recordID = UUID(uuidString: record) else {
            throw ValidationError("--record: '\(record)' is not an id")
        }
        let (id, item) = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return (
                id,
                try await Requests(vault: vault).withhold(
                    request: id, record: recordID, fields: field.isEmpty ? nil : field, exemption: exemption,
                    reason: reason, on: on ?? .today, actor: CommandActor.current)
            )
        }
        print(
            "withheld from request \(id.uuidString): record \(recordID.uuidString)\(item.fields.map { " (\($0.joined(separator: ", ")))" } ?? ""), \(exemption.reference)"
        )
    }
}
