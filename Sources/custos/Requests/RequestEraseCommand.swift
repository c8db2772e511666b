import ArgumentParser
import CustosCore
import CustosServices
import Foundation

/// `custos request erase ID --ground G`: carries out an erasure request and prints its certificate.
struct RequestEraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Carry out an erasure request, as assessed, and print its certificate.",
        discussion: """
            Erases what `custos request assess` shows, completes the request, keeps the certificate and adds a task \
            to tell the recipients (Art 19), all at once: if it is stopped part-way nothing is done, and running it \
            again finishes it. Where the policy asks, the DPO must have approved it first.
            """)

    @OptionGroup var request: RequestIDArgument
    @Option(help: "The ground of UK GDPR Art 17(1): \(ErasureGround.allCases.map(\.rawValue).joined(separator: ", ")).")
    var ground: ErasureGround
    @Option(
        name: .customLong("erase-despite"),
        help: ArgumentHelp(
            "A record type to erase although a public task could keep it (repeatable).", valueName: "type"))
    var eraseDespite: [String] = []
    @Option(help: ArgumentHelp("The day it is done (default: today).", valueName: "YYYY-MM-DD"))
    var on: CalendarDay?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let certificate = try await store.withVault { vault in
            let id = try await request.id(in: vault)
            return try await Erasures(vault: vault).carryOut(
                request: id, ground: ground, eraseDespite: Set(eraseDespite), on: on ?? .today,
                actor: CommandActor.current)
        }
        print(certificate.text, terminator: "")
    }
}
