import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request assess ID`: what an erasure would do, for the DPO to read before approving.
struct RequestAssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Show what carrying out an erasure request would erase and keep, and whom it affects.",
        discussion: """
            Each kind of record is erased or kept under an exemption of UK GDPR Art 17(3): a legal hold, a \
            statutory retention period, or a purpose on a legal obligation or public task. Reads no personal data.
            """)

    @OptionGroup var request: RequestIDArgument
    @Option(help: ArgumentHelp("The day to assess on (default: today).", valueName: "YYYY-MM-DD"))
    var on: CalendarDay?
    @Option(
        name: .customLong("erase-despite"),
        help: ArgumentHelp(
            "A record type to erase although a public task could keep it (repeatable).", valueName: "type"))
    var eraseDespite: [String] = []
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let assessment = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Erasures(vault: vault).assess(
                request: id, on: on ?? .today, eraseDespite: Set(eraseDespite))
        }
        print(ErasureText.assessment(assessment), terminator: "")
    }
}
